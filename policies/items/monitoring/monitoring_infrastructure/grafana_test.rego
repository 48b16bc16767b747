package gonogo.items.monitoring.monitoring_infrastructure.grafana_test

import data.gonogo.items.monitoring.monitoring_infrastructure.grafana
import data.gonogo.lib.testing

dashboard(title, classes, ref) := {
	"title": title, "tags": [], "placement": "file", "panels": 3, "metrics": [], "classes": classes,
	"provenance": {"collector": "monitoring", "file": ref, "ref": ref},
}

snapshot(dashboards, by_class) := {"monitoring": {"grafana": {
	"dashboards": dashboards,
	"by_class": object.union({"security": [], "performance": [], "business": []}, by_class),
}}}

all_three := snapshot(
	{
		"Security (sec.json)": dashboard("Security", {"security": [{"text": "title 'Security'"}]}, "sec.json"),
		"RED (red.json)": dashboard("RED", {"performance": [{"alert_class": "latency_p95"}]}, "red.json"),
		"KPIs (kpi.json)": dashboard("KPIs", {"business": [{"text": "tag 'kpi'"}]}, "kpi.json"),
	},
	{"security": ["Security (sec.json)"], "performance": ["RED (red.json)"], "business": ["KPIs (kpi.json)"]},
)

test_pass_with_security_performance_and_business_dashboards if {
	r := grafana.report with input as all_three
	r.verdict == "pass"
	testing.criterion(r, "Security overview dashboard").message == "security overview dashboard: Security (sec.json) (title 'Security')"
	testing.criterion(r, "Business metrics dashboard").evidence == ["kpi.json"]
}

test_fail_without_a_security_dashboard if {
	r := grafana.report with input as snapshot(
		{"RED (red.json)": dashboard("RED", {"performance": ["title"]}, "red.json")},
		{"performance": ["RED (red.json)"]},
	)
	r.verdict == "fail"
	testing.criterion(r, "Security overview dashboard").message == "security overview dashboard: none of 1 dashboards is one (titles: RED)"
	testing.criterion(r, "Performance monitoring dashboard").verdict == "pass"
}

test_pending_without_evidence if {
	r := grafana.report with input as {"monitoring": {"alerts": {}}}
	r.verdict == "pending"
}

test_pending_when_no_dashboard_was_collected if {
	r := grafana.report with input as snapshot({}, {})
	r.verdict == "pending"
	testing.criterion(r, "Business metrics dashboard").message == "no Grafana dashboards collected"
}

test_a_panel_reason_is_stated if {
	panels := snapshot(
		{"Storefront (store.json)": dashboard("Storefront", {"security": [{"text": "panel 'Failed logins' (row 'Security')"}]}, "store.json")},
		{"security": ["Storefront (store.json)"]},
	)
	r := grafana.report with input as panels
	testing.criterion(r, "Security overview dashboard").message == concat("", [
		"security overview dashboard: Storefront (store.json) ",
		"(panel 'Failed logins' (row 'Security'))",
	])
}

test_an_alert_class_reason_is_worded_as_the_criterion_that_class_serves if {
	r := grafana.report with input as all_three
	message := testing.criterion(r, "Performance monitoring dashboard").message
	message == "performance dashboard: RED (red.json) (shows response time degradation (p95 >100ms) metrics)"
}

test_fail_without_a_performance_dashboard if {
	r := grafana.report with input as snapshot(
		{"Security (sec.json)": dashboard("Security", {"security": [{"text": "title 'Security'"}]}, "sec.json")},
		{"security": ["Security (sec.json)"]},
	)
	testing.verdict(r, "Performance monitoring dashboard") == "fail"
	testing.verdict(r, "Security overview dashboard") == "pass"
}
