package gonogo.items.operations.monitoring_alerting.pagerduty_opsgenie_test

import data.gonogo.items.operations.monitoring_alerting.pagerduty_opsgenie

integration(kind, receiver, configured, critical) := {
	"type": kind, "configured": configured, "credential": "file", "receiver": receiver,
	"referenced": true, "alerts": critical + 1, "critical_alerts": critical, "ref": "alertmanager.yml:30",
}

snapshot(pagerduty, opsgenie) := {"monitoring": {"alertmanager": {
	"configs": [{"provenance": {"collector": "monitoring", "file": "alertmanager.yml", "ref": "alertmanager.yml:1"}}],
	"receivers": {},
	"integrations": {"pagerduty": pagerduty, "opsgenie": opsgenie, "slack": []},
}}}

test_pass_when_critical_alerts_reach_a_keyed_pagerduty_receiver if {
	r := pagerduty_opsgenie.report with input as snapshot([integration("pagerduty", "pager", true, 5)], [])
	r.verdict == "pass"
	some c in r.criteria
	c.message == "receiver pager (alertmanager.yml:30): pagerduty configured, reached by 5 critical alerts (delivery test not visible in configuration)"
	c.evidence == ["alertmanager.yml:30"]
}

test_pass_with_opsgenie if {
	r := pagerduty_opsgenie.report with input as snapshot([], [integration("opsgenie", "og", true, 1)])
	r.verdict == "pass"
}

test_fail_when_no_critical_alert_is_routed_to_it if {
	r := pagerduty_opsgenie.report with input as snapshot([integration("pagerduty", "pager", true, 0)], [])
	r.verdict == "fail"
	some c in r.criteria
	c.message == "receiver pager (alertmanager.yml:30): pagerduty configured, but no critical alert is routed to it"
}

test_fail_when_the_key_is_missing if {
	r := pagerduty_opsgenie.report with input as snapshot([], [integration("opsgenie", "og", false, 3)])
	some c in r.criteria
	contains(c.message, "opsgenie integration has no routing/service/API key")
}

test_fail_without_any_such_receiver if {
	r := pagerduty_opsgenie.report with input as snapshot([], [])
	some c in r.criteria
	c.message == "no receiver has a pagerduty_configs or opsgenie_configs integration"
}

test_pending_without_evidence if {
	r := pagerduty_opsgenie.report with input as {}
	r.verdict == "pending"
}
