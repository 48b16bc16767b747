package gonogo.items.monitoring.monitoring_infrastructure.alertmanager_test

import data.gonogo.items.monitoring.monitoring_infrastructure.alertmanager
import data.gonogo.lib.testing

integration(kind, receiver, configured, referenced, credential) := {
	"type": kind, "configured": configured, "credential": credential, "receiver": receiver,
	"referenced": referenced, "alerts": 4, "critical_alerts": 2, "ref": sprintf("alertmanager.yml:%d", [count(receiver)]),
}

snapshot(integrations) := {"monitoring": {"prometheus": {"alerting_rules": 4}, "alertmanager": {
	"configs": [{"provenance": {"collector": "monitoring", "file": "alertmanager.yml", "ref": "alertmanager.yml:1"}}],
	"receivers": {},
	"integrations": object.union({"pagerduty": [], "slack": [], "email": [], "opsgenie": [], "webhook": []}, integrations),
}}}

ready := snapshot({
	"pagerduty": [integration("pagerduty", "pager", true, true, "file")],
	"slack": [integration("slack", "chat", true, true, "global")],
	"email": [integration("email", "ops-mail", true, true, null)],
})

test_pass_with_pagerduty_slack_and_email_on_used_receivers if {
	r := alertmanager.report with input as ready
	r.verdict == "pass"
	testing.criterion(r, "PagerDuty integration ready").message == concat("", [
		"PagerDuty: receiver pager (alertmanager.yml:5) pagerduty integration ",
		"with a credential file, reached by 4 alerts (2 critical)",
	])
	contains(testing.criterion(r, "Email alerts configured").message, "with a smarthost set")
}

# A credential written in the file is stated as present, never as a quoted field or value: 4.1.2 judges it.
test_an_inline_credential_is_named_as_such_and_the_alerts_unknown_without_rules if {
	inline := snapshot({"pagerduty": [integration("pagerduty", "pager", true, true, "inline")]})
	r := alertmanager.report with input as json.remove(inline, ["monitoring/prometheus"])
	msg := testing.criterion(r, "PagerDuty integration ready").message
	msg == concat("", [
		"PagerDuty: receiver pager (alertmanager.yml:5) pagerduty integration with an inline credential ",
		"(see 4.1.2), the alerts that reach it are not in view (no alert rules collected)",
	])
	not contains(msg, `"inline"`)
}

test_fail_when_pagerduty_has_no_key_and_slack_receiver_is_unused if {
	r := alertmanager.report with input as snapshot({
		"pagerduty": [integration("pagerduty", "pager", false, true, null)],
		"slack": [integration("slack", "chat", true, false, "inline")],
	})
	r.verdict == "fail"
	testing.criterion(r, "PagerDuty integration ready").message == concat("", [
		"PagerDuty: not ready: receiver pager (alertmanager.yml:5): ",
		"pagerduty integration has no credential or recipient/smarthost",
	])
	testing.criterion(r, "Slack notifications active").message == "Slack: not ready: receiver chat (alertmanager.yml:4): no route sends alerts to it"
	testing.criterion(r, "Email alerts configured").message == "email: no receiver has one configured"
}

# Routing unknown is nothing to judge, and the message says so.
test_pending_when_the_config_is_only_in_a_secret if {
	r := alertmanager.report with input as {"monitoring": {"alertmanager": {
		"configs": [], "receivers": {}, "integrations": {}, "unread_secrets": ["deploy/am-secret.yaml:1"],
	}}}
	c := testing.criterion(r, "PagerDuty integration ready")
	c.verdict == "pending"
	contains(c.message, "PagerDuty: routing unknown: no readable Alertmanager config collected")
	contains(c.message, "Secret(s) deploy/am-secret.yaml:1, which are never read")
}

test_pending_when_no_alertmanager_config_was_collected if {
	r := alertmanager.report with input as {"monitoring": {"alertmanager": {"configs": [], "receivers": {}, "integrations": {}}}}
	r.verdict == "pending"
	testing.criterion(r, "Slack notifications active").message == "Slack: routing unknown: no Alertmanager config collected (route and receivers)"
}

test_pending_without_evidence if {
	r := alertmanager.report with input as {}
	r.verdict == "pending"
}

# A config read from a template (Terraform templatefile(), Helm): the credential is a template value.
test_a_templated_credential_is_stated_as_the_template_s if {
	r := alertmanager.report with input as snapshot({"slack": [integration("slack", "chat", true, true, "templated")]})
	msg := testing.criterion(r, "Slack notifications active").message
	msg == "Slack: receiver chat (alertmanager.yml:4) slack integration with a credential the template fills in, reached by 4 alerts (2 critical)"
}
