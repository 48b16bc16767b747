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

test_fail_when_nothing_is_scraped if {
	r := prometheus.report with input as snapshot({}, {})
	testing.criterion(r, "API metrics collected").message == "no Prometheus scrape configuration, ServiceMonitor or PodMonitor found"
	testing.criterion(r, "System metrics gathered").verdict == "fail"
}

test_pending_without_evidence if {
	r := prometheus.report with input as {}
	r.verdict == "pending"
}
