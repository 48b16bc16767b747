package gonogo.items.security.d3fend.d3_apm_test

import data.gonogo.items.security.d3fend.d3_apm
import data.gonogo.lib.testing

source(kind, name, category) := {
	"kind": kind, "name": name, "category": category,
	"provenance": {"collector": "monitoring", "file": "monitors.yaml", "ref": "monitors.yaml:1"},
}

snapshot(sources, dashboards, parsed) := {"monitoring": {
	"prometheus": {"scrape_sources": sources, "alerting_rules": 2, "parsed_alerting_rules": parsed},
	"grafana": {"dashboards": dashboards, "by_class": {}},
}}

dashboard := {"RED (red.json:1)": {"title": "RED", "provenance": {"collector": "monitoring", "file": "red.json", "ref": "red.json:1"}}}

test_pass_with_app_scrape_dashboard_and_alerts if {
	r := d3_apm.report with input as snapshot({"ServiceMonitor/shop/api": source("ServiceMonitor", "shop/api", "app")}, dashboard, 2)
	r.verdict == "pass"
	testing.criterion(r, "Prometheus metrics instrumented").message == "application scrape sources: ServiceMonitor shop/api"
	testing.criterion(r, "Grafana dashboards deployed").message == "1 dashboards: RED"
}

test_fail_when_only_exporters_are_scraped_and_no_dashboard if {
	r := d3_apm.report with input as snapshot({"job/node": source("scrape_config", "node-exporter", "system")}, {}, 0)
	r.verdict == "fail"
	contains(testing.criterion(r, "Prometheus metrics instrumented").message, "no application is scraped")
	testing.criterion(r, "Grafana dashboards deployed").verdict == "pending"
	startswith(testing.criterion(r, "Grafana dashboards deployed").message, "no Grafana dashboard (")
	testing.criterion(r, "Alert rules configured").message == "no alerting rule with a valid PromQL expression (2 alerting rules read)"
}

test_pending_without_evidence if {
	r := d3_apm.report with input as {}
	r.verdict == "pending"
}

test_a_scraped_application_without_dashboard_fails_naming_its_scrape_source if {
	r := d3_apm.report with input as snapshot({"ServiceMonitor/shop/api": source("ServiceMonitor", "shop/api", "app")}, {}, 2)
	c := testing.criterion(r, "Grafana dashboards deployed")
	c.verdict == "fail"
	endswith(c.message, "for the scraped application: ServiceMonitor shop/api")
	c.evidence == ["monitors.yaml:1"]
}
