package gonogo.items.operations.monitoring_alerting.pagerduty_opsgenie_test

import data.gonogo.items.operations.monitoring_alerting.pagerduty_opsgenie
import data.gonogo.lib.testing

integration(kind, receiver, configured, critical) := {
	"type": kind, "configured": configured, "credential": "file", "receiver": receiver,
	"referenced": true, "alerts": critical + 1, "critical_alerts": critical, "ref": "alertmanager.yml:30",
}

# The receivers name the critical alerts the route tree sends them (monitoring.alertmanager.receivers),
# each an alerting rule in monitoring.alerts: n critical alerts "<receiver>-<i>" per integration.
_critical_keys(e) := [sprintf("%s-%d", [e.receiver, i]) | some i in numbers.range(1, 10); i <= e.critical_alerts]

snapshot(pagerduty, opsgenie) := {"monitoring": {
	"prometheus": {"alerting_rules": 10},
	"alerts": {key: {"parsed": true, "critical": true, "provenance": {"ref": "rules.yaml:3"}} |
		some e in array.concat(pagerduty, opsgenie)
		some key in _critical_keys(e)
	},
	"alertmanager": {
		"configs": [{"provenance": {"collector": "monitoring", "file": "alertmanager.yml", "ref": "alertmanager.yml:1"}}],
		"receivers": {e.receiver: {"critical_alerts": _critical_keys(e)} | some e in array.concat(pagerduty, opsgenie)},
		"integrations": {"pagerduty": pagerduty, "opsgenie": opsgenie, "slack": []},
	},
}}

terraform := {"infrastructure": {"plans": {"plan.json": {}}, "alert_integrations": {"pagerduty_service_integration.prometheus": {
	"address": "pagerduty_service_integration.prometheus", "provider": "pagerduty", "name": "Prometheus",
	"kind": "events_api_v2_inbound_integration", "enabled": true,
	"provenance": {"collector": "terraform", "file": "plan.json", "ref": "plan.json:pagerduty_service_integration.prometheus"},
}}}}

tested := testing.attested("6.3.3", "DevOps Lead", {})

test_pass_when_critical_alerts_reach_a_keyed_receiver_and_a_test_is_attested if {
	r := pagerduty_opsgenie.report with input as object.union(snapshot([integration("pagerduty", "pager", true, 5)], []), tested)
	r.verdict == "pass"
	c := testing.criterion(r, "Integration tested")
	c.assurance == "attested"
	msg := c.message
	startswith(msg, "receiver pager (alertmanager.yml:30): pagerduty configured, reached by 5 critical alerts; tested: ")
	contains(msg, "tested: attested by alice@example.com (DevOps Lead)")
	c.evidence == ["alertmanager.yml:30", ".gonogo/attestations/a.dsse.json"]
}

test_pass_with_a_terraform_integration_and_an_attested_test if {
	r := pagerduty_opsgenie.report with input as object.union(terraform, testing.attested("6.3.3#1", "DevOps Lead", {}))
	r.verdict == "pass"
	msg := testing.criterion(r, "Integration tested").message
	startswith(msg, `pagerduty integration "Prometheus" (plan.json:pagerduty_service_integration.prometheus); tested:`)
}

test_pending_until_the_test_is_attested if {
	r := pagerduty_opsgenie.report with input as snapshot([], [integration("opsgenie", "og", true, 1)])
	r.verdict == "pending"
	msg := testing.criterion(r, "Integration tested").message
	startswith(msg, "receiver og (alertmanager.yml:30): opsgenie configured, reached by 1 critical alerts; no record that it was tested: ")
	endswith(msg, "needs an attestation by the DevOps Lead covering 6.3.3 (a test alert delivered)")
}

test_an_attestation_alone_does_not_pass if {
	r := pagerduty_opsgenie.report with input as tested
	r.verdict == "pending"
	contains(testing.criterion(r, "Integration tested").message, "a PagerDuty/Opsgenie integration")
}

test_another_role_is_not_a_test_record if {
	r := pagerduty_opsgenie.report with input as object.union(terraform, testing.attested("6.3.3", "Product Manager", {}))
	r.verdict == "pending"
}

test_fail_when_no_critical_alert_is_routed_to_it if {
	r := pagerduty_opsgenie.report with input as object.union(snapshot([integration("pagerduty", "pager", true, 0)], []), tested)
	r.verdict == "fail"
	msg := testing.criterion(r, "Integration tested").message
	msg == "receiver pager (alertmanager.yml:30): pagerduty configured, but no critical alert is routed to it"
}

test_fail_when_the_key_is_missing if {
	r := pagerduty_opsgenie.report with input as snapshot([], [integration("opsgenie", "og", false, 3)])
	contains(testing.criterion(r, "Integration tested").message, "opsgenie integration has no routing/service/API key")
}

test_fail_without_any_such_receiver if {
	r := pagerduty_opsgenie.report with input as object.union(snapshot([], []), terraform)
	r.verdict == "fail"
	testing.criterion(r, "Integration tested").message == "no receiver has a pagerduty_configs or opsgenie_configs integration"
}

test_pending_without_evidence if {
	r := pagerduty_opsgenie.report with input as {}
	r.verdict == "pending"
}

test_pending_when_no_alertmanager_configuration_is_found if {
	empty := {"monitoring": {"alertmanager": {"configs": [], "receivers": {}, "integrations": {"pagerduty": [], "opsgenie": []}}}}
	r := pagerduty_opsgenie.report with input as object.union(empty, terraform)
	r.verdict == "pending"
	contains(testing.criterion(r, "Integration tested").message, "no record that it was tested")
}

# One notion of an alert: critical alerts from a rule file promtool rejects are not loaded by
# Prometheus, so they do not make the receiver one that critical alerts reach.
test_fail_when_the_only_critical_alerts_come_from_a_rejected_rule_file if {
	checks := {"files": {"rules.yaml": {"checked": true, "valid": false, "line": 3, "error": "invalid expression"}}}
	base := snapshot([integration("pagerduty", "pager", true, 2)], [])
	r := pagerduty_opsgenie.report with input as object.union_n([base, tested, {"monitoring": {"prometheus": {"rule_checks": checks}}}])
	r.verdict == "fail"
	testing.criterion(r, "Integration tested").message == concat("", [
		"receiver pager (alertmanager.yml:30): pagerduty configured, ",
		"but no critical alert is routed to it",
	])
}

# Nothing to judge: an Alertmanager configuration alone (no alerting rule collected) cannot show
# which critical alerts reach a keyed receiver, so 6.3.3 waits for the rules instead of failing.
test_pending_when_no_alert_rule_is_collected if {
	base := snapshot([integration("pagerduty", "pager", true, 0)], [])
	no_rules := json.patch(base, [{"op": "replace", "path": "/monitoring/prometheus/alerting_rules", "value": 0}])
	r := pagerduty_opsgenie.report with input as object.union(no_rules, tested)
	r.verdict == "pending"
	c := testing.criterion(r, "Integration tested")
	c.message == concat("", [
		"no alert rules collected: receiver pager (alertmanager.yml:30): pagerduty configured, ",
		"the critical alerts that reach it are not in view",
	])
	c.evidence == ["alertmanager.yml:30"]
}

# A receiver without its key is present and wrong whether or not alert rules are in view.
test_fail_without_a_key_even_when_no_alert_rule_is_collected if {
	base := snapshot([integration("pagerduty", "pager", false, 0)], [])
	no_rules := json.patch(base, [{"op": "replace", "path": "/monitoring/prometheus/alerting_rules", "value": 0}])
	r := pagerduty_opsgenie.report with input as no_rules
	r.verdict == "fail"
	contains(testing.criterion(r, "Integration tested").message, "has no routing/service/API key")
}
