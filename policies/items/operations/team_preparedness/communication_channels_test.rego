package gonogo.items.operations.team_preparedness.communication_channels_test

import data.gonogo.items.operations.team_preparedness.communication_channels
import data.gonogo.lib.testing

integration(kind, configured, referenced) := {
	"type": kind, "configured": configured, "credential": "file", "receiver": "team-chat",
	"referenced": referenced, "alerts": 3, "critical_alerts": 1, "ref": "alertmanager.yml:20",
}

alertmanager(slack, msteams) := {"monitoring": {"alertmanager": {
	"configs": [{"provenance": {"collector": "monitoring", "file": "alertmanager.yml", "ref": "alertmanager.yml:1"}}],
	"receivers": {},
	"integrations": {"slack": slack, "msteams": msteams, "pagerduty": []},
}}}

terraform(points) := {"infrastructure": {"plans": {"plan.json": {}}, "contact_points": points}}

point(provider, kinds) := {
	"address": "grafana_contact_point.chat", "provider": provider, "name": "shop-chat", "integrations": kinds,
	"provenance": {"collector": "terraform", "file": "plan.json", "ref": "plan.json:grafana_contact_point.chat"},
}

test_passes_with_a_routed_slack_receiver if {
	r := communication_channels.report with input as alertmanager([integration("slack", true, true)], [])
	r.verdict == "pass"
	c := testing.criterion(r, "Slack/Teams channels set up")
	c.message == "Alertmanager receiver team-chat (alertmanager.yml:20): slack"
	c.assurance == "measured"
}

test_passes_with_a_teams_receiver if {
	r := communication_channels.report with input as alertmanager([], [integration("msteams", true, true)])
	r.verdict == "pass"
}

test_passes_with_a_grafana_slack_contact_point if {
	r := communication_channels.report with input as terraform({"p": point("grafana", ["email", "slack"])})
	r.verdict == "pass"
	testing.criterion(r, "Slack/Teams channels set up").message == `grafana contact point "shop-chat" (plan.json:grafana_contact_point.chat): slack`
}

test_fails_when_the_slack_receiver_has_no_url if {
	r := communication_channels.report with input as alertmanager([integration("slack", false, true)], [])
	r.verdict == "fail"
	msg := testing.criterion(r, "Slack/Teams channels set up").message
	msg == "Alertmanager receiver team-chat (alertmanager.yml:20): slack integration has no webhook/API URL"
}

test_fails_when_no_route_reaches_the_slack_receiver if {
	r := communication_channels.report with input as alertmanager([integration("slack", true, false)], [])
	r.verdict == "fail"
	contains(testing.criterion(r, "Slack/Teams channels set up").message, "reached by no route")
}

test_an_email_only_contact_point_is_not_a_channel if {
	r := communication_channels.report with input as object.union(terraform({"p": point("grafana", ["email"])}), testing.documents_snapshot({}))
	r.verdict == "pending"
}

test_a_written_channels_section_is_declared if {
	r := communication_channels.report with input as testing.documents_snapshot({"on_call": [testing.document("on_call", "docs/on-call.md", {
		"sections": [{"heading": "tools", "words": 4}, {"heading": "slack channels", "words": 12}],
	})]})
	r.verdict == "pass"
	testing.criterion(r, "Slack/Teams channels set up").assurance == "declared"
}

test_an_empty_channels_heading_fails if {
	r := communication_channels.report with input as testing.documents_snapshot({"on_call": [testing.document("on_call", "docs/on-call.md", {
		"sections": [{"heading": "communication", "words": 0}],
	})]})
	r.verdict == "fail"
}

test_pending_when_nothing_names_a_channel if {
	r := communication_channels.report with input as testing.documents_snapshot({"on_call": [testing.document("on_call", "docs/on-call.md", {
		"sections": [{"heading": "rotation", "words": 20}],
	})]})
	r.verdict == "pending"
	contains(testing.criterion(r, "Slack/Teams channels set up").message, "a Slack/Teams receiver")
}

test_pending_without_evidence if {
	r := communication_channels.report with input as {}
	r.verdict == "pending"
}
