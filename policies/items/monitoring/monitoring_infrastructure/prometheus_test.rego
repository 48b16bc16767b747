package gonogo.items.monitoring.monitoring_infrastructure.prometheus_test

import data.gonogo.items.monitoring.monitoring_infrastructure.prometheus
import data.gonogo.lib.testing

source(kind, name, category, line) := {
	"kind": kind, "name": name, "category": category,
	"provenance": {"collector": "monitoring", "file": "prometheus.yml", "ref": sprintf("prometheus.yml:%d", [line])},
}

snapshot(sources, metrics) := {"monitoring": {"prometheus": {
	"configs": [], "scrape_sources": sources, "recording_rules": {}, "alerting_rules": 3,
	"metrics": object.union({"api": [], "system": [], "business": [], "platform": [], "custom": []}, metrics),
}}}

full := snapshot(
	{
		"job/node-exporter": source("scrape_config", "node-exporter", "system", 4),
		"ServiceMonitor/shop/api": source("ServiceMonitor", "shop/api", "app", 9),
	},
	{"api": ["http_requests_total"], "system": ["node_cpu_seconds_total"], "business": ["shop_orders_total"]},
)

test_pass_with_app_and_system_sources_and_business_metrics if {
	r := prometheus.report with input as full
	r.verdict == "pass"
	contains(testing.criterion(r, "API metrics collected").message, "API metrics http_requests_total queried; 2 scrape sources (1 application)")
	testing.criterion(r, "API metrics collected").evidence == ["prometheus.yml:9"]
	testing.criterion(r, "System metrics gathered").message == "system scrape sources: node-exporter"
}

test_fail_when_only_exporters_are_scraped_and_no_business_metric if {
	r := prometheus.report with input as snapshot(
		{"job/node-exporter": source("scrape_config", "node-exporter", "system", 4)},
		{"api": ["http_requests_total"]},
	)
	r.verdict == "fail"
	contains(testing.criterion(r, "API metrics collected").message, "no application or ingress is scraped")
	testing.criterion(r, "Custom business metrics tracked").verdict == "fail"
	testing.criterion(r, "System metrics gathered").verdict == "pass"
}

services := [{"kind": "workload", "name": "Deployment/api", "provenance": {"collector": "monitoring", "file": "deploy.yaml", "ref": "deploy.yaml:1"}}]

with_services(snap) := json.patch(snap, [{"op": "add", "path": "/monitoring/tracing", "value": {"services": services}}])

test_fail_when_a_service_is_in_view_and_nothing_scrapes_it if {
	r := prometheus.report with input as with_services(snapshot({}, {}))
	api := testing.criterion(r, "API metrics collected")
	api.verdict == "fail"
	api.message == concat("", [
		"nothing scrapes the service: no Prometheus scrape configuration, ServiceMonitor or PodMonitor ",
		"found for workload Deployment/api (deploy.yaml:1)",
	])
	api.evidence == ["deploy.yaml:1"]
	testing.criterion(r, "System metrics gathered").verdict == "fail"
}

# Nothing to judge: no scrape configuration and no service in view.
test_pending_when_neither_a_scrape_nor_a_service_is_in_view if {
	r := prometheus.report with input as snapshot({}, {})
	api := testing.criterion(r, "API metrics collected")
	api.verdict == "pending"
	api.message == "no Prometheus scrape configuration, ServiceMonitor or PodMonitor, or service to scrape collected"
	testing.criterion(r, "System metrics gathered").verdict == "pending"
}

# A scrape of the application collects its metrics: with no rule or dashboard in view to say
# which, the scrape itself passes.
test_pass_on_the_scrape_of_the_application_when_no_rule_or_dashboard_is_in_view if {
	r := prometheus.report with input as snapshot({"ServiceMonitor/shop/api": source("ServiceMonitor", "shop/api", "app", 9)}, {})
	api := testing.criterion(r, "API metrics collected")
	api.verdict == "pass"
	startswith(api.message, "the application is scraped, so its metrics are collected: ServiceMonitor shop/api (prometheus.yml:9)")
	api.evidence == ["prometheus.yml:9"]
}

# Rules or dashboards in view query metrics, none an API request metric: they show it is not there.
test_fail_when_rules_in_view_query_no_api_metric if {
	snap := snapshot({"ServiceMonitor/shop/api": source("ServiceMonitor", "shop/api", "app", 9)}, {"system": ["node_cpu_seconds_total"]})
	with_uses := json.patch(snap, [{"op": "add", "path": "/monitoring/prometheus/metrics_evidence", "value": {"system": ["rules.yaml:4"]}}])
	r := prometheus.report with input as with_uses
	api := testing.criterion(r, "API metrics collected")
	api.verdict == "fail"
	contains(api.message, "no rule or dashboard queries an API request metric")
	api.evidence == ["prometheus.yml:9", "rules.yaml:4"]
}

# A scrape of a platform component only (Grafana) is not the application's metrics.
test_fail_when_only_a_platform_component_is_scraped_and_nothing_is_queried if {
	r := prometheus.report with input as snapshot({"job/grafana": source("scrape_config", "grafana", "platform", 3)}, {})
	testing.criterion(r, "API metrics collected").verdict == "fail"
}

test_pending_without_evidence if {
	r := prometheus.report with input as {}
	r.verdict == "pending"
}

live_prov := {"collector": "prometheus", "object": "prometheus http://prom:9090", "ref": "prometheus http://prom:9090"}

live_job(name, up, names) := {
	"job": name, "targets": 1, "up": up, "down": 1 - up, "down_instances": [], "never_scraped": 0,
	"error_classes": [], "last_scrape": "2026-11-01T00:00:00Z", "seconds_since_scrape": 5,
	"scrape_interval_seconds": 15, "continuous_up_hours": 30, "metric_names": names,
	"metric_names_truncated": false, "provenance": live_prov,
}

live(jobs, names_collected) := {"monitoring": {"live": {
	"source": "api", "server": "http://prom:9090",
	"collected": {"targets": true, "metric_names": names_collected},
	"targets": jobs, "targets_total": count(jobs),
	"provenance": live_prov,
}}}

test_live_prometheus_decides_and_passes_when_up_targets_expose_each_kind if {
	r := prometheus.report with input as live(
		{
			"shop": live_job("shop", 1, ["go_goroutines", "http_requests_total", "shop_orders_total"]),
			"node": live_job("node", 1, ["node_cpu_seconds_total"]),
		},
		true,
	)
	r.verdict == "pass"
	api := testing.criterion(r, "API metrics collected")
	api.message == "live Prometheus prometheus http://prom:9090 scrapes http_requests_total from job(s) shop"
	api.assurance == "measured"
	api.evidence == ["prometheus http://prom:9090"]
	system := testing.criterion(r, "System metrics gathered")
	system.message == "live Prometheus prometheus http://prom:9090 scrapes node_cpu_seconds_total from job(s) node"
	contains(testing.criterion(r, "Custom business metrics tracked").message, "shop_orders_total from job(s) shop")
}

test_live_prometheus_fails_a_kind_no_up_target_exposes if {
	r := prometheus.report with input as object.union(
		full,
		live(
			{
				"shop": live_job("shop", 1, ["go_goroutines", "process_cpu_seconds_total", "http_requests_total"]),
				"node": live_job("node", 0, ["node_cpu_seconds_total"]),
			},
			true,
		),
	)
	r.verdict == "fail"
	testing.verdict(r, "API metrics collected") == "pass"
	system := testing.criterion(r, "System metrics gathered")
	system.verdict == "fail"
	system.message == "live Prometheus prometheus http://prom:9090: no target that is up exposes a node or container metric (jobs up: shop)"
	testing.verdict(r, "Custom business metrics tracked") == "fail"
}

test_live_prometheus_fails_when_every_target_is_down if {
	r := prometheus.report with input as live({"shop": live_job("shop", 0, ["http_requests_total"])}, true)
	testing.criterion(r, "API metrics collected").message == "live Prometheus prometheus http://prom:9090: all 1 target(s) down"
}

test_live_prometheus_fails_without_targets if {
	r := prometheus.report with input as live({}, true)
	testing.all_criteria(r, "fail")
	contains(testing.criterion(r, "System metrics gathered").message, "scrapes no target")
}

test_recorded_answers_without_metric_names_leave_it_to_the_configuration if {
	r := prometheus.report with input as object.union(full, live({}, false))
	r.verdict == "pass"
	contains(testing.criterion(r, "API metrics collected").message, "queried; 2 scrape sources")
}

test_recorded_answers_alone_without_metric_names_are_pending if {
	r := prometheus.report with input as live({}, false)
	r.verdict == "pending"
}

rule_check(file, valid, line, error) := {
	"checked": true, "valid": valid, "line": line, "error": error,
	"provenance": {"collector": "monitoring", "file": file, "ref": file},
}

test_a_rule_file_promtool_rejects_fails_every_criterion if {
	checks := {"promtool": {"found": true, "version": "3.16.0"}, "tests": {}, "files": {
		"rules/ok.yml": rule_check("rules/ok.yml", true, null, null),
		"rules/broken.yml": rule_check("rules/broken.yml", false, 10, "invalid expression"),
		"rules/tpl.yml": rule_check("rules/tpl.yml", false, null, "invalid template"),
	}}
	r := prometheus.report with input as object.union(full, {"monitoring": {"prometheus": {"rule_checks": checks}}})
	testing.all_criteria(r, "fail")
	c := testing.criterion(r, "Custom business metrics tracked")
	contains(c.message, "promtool check rules rejects: rules/broken.yml:10 (invalid expression); rules/tpl.yml (invalid template)")
	c.evidence == ["rules/broken.yml", "rules/tpl.yml"]
}

test_rule_files_not_checked_do_not_fail if {
	checks := {"promtool": {"found": false, "version": null}, "tests": {}, "files": {"rules/x.yml": {
		"checked": false, "valid": null, "line": null, "error": null,
		"provenance": {"collector": "monitoring", "file": "rules/x.yml", "ref": "rules/x.yml"},
	}}}
	r := prometheus.report with input as object.union(full, {"monitoring": {"prometheus": {"rule_checks": checks}}})
	r.verdict == "pass"
}
