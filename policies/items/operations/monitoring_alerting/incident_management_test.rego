package gonogo.items.operations.monitoring_alerting.incident_management_test

import data.gonogo.items.operations.monitoring_alerting.incident_management
import data.gonogo.lib.testing

template(path, name, title, labels) := {path: {
	"forge": "github", "format": "issue_form", "name": name, "title": title, "labels": labels, "description": null,
	"provenance": {"collector": "repository", "file": path, "ref": sprintf("%s:1", [path])},
}}

repository(templates) := {"operations": {"repository": {"issue_templates": templates, "calendar_events": {}}}}

test_passes_with_an_incident_issue_form if {
	form := template(".github/ISSUE_TEMPLATE/incident.yml", "Incident report", "[INCIDENT]", ["incident"])
	r := incident_management.report with input as repository(form)
	r.verdict == "pass"
	msg := testing.criterion(r, "Tool selected (Jira/GitHub)").message
	msg == `github issue form "Incident report" (.github/ISSUE_TEMPLATE/incident.yml:1), labels incident`
}

test_passes_with_an_outage_label_only if {
	r := incident_management.report with input as repository(template(".github/ISSUE_TEMPLATE/sev.yml", "Sev report", null, ["outage"]))
	r.verdict == "pass"
}

test_passes_with_a_jira_project if {
	r := incident_management.report with input as {"infrastructure": {"plans": {}, "issue_trackers": {"jira_project.incidents": {
		"address": "jira_project.incidents", "provider": "jira", "name": "Shop incidents", "key": "INC",
		"provenance": {"collector": "terraform", "file": "plan.json", "ref": "plan.json:jira_project.incidents"},
	}}}}
	r.verdict == "pass"
	testing.criterion(r, "Tool selected (Jira/GitHub)").message == `Jira project "Shop incidents" (plan.json:jira_project.incidents)`
}

test_passes_with_an_alertmanager_jira_receiver if {
	r := incident_management.report with input as {"monitoring": {"alertmanager": {"integrations": {"jira": [
		{"type": "jira", "configured": true, "receiver": "tickets", "ref": "alertmanager.yml:40"},
	]}}}}
	r.verdict == "pass"
}

test_fails_when_no_template_is_for_incidents if {
	templates := object.union(
		template(".github/ISSUE_TEMPLATE/bug.md", "Bug report", null, ["bug"]),
		template(".github/ISSUE_TEMPLATE/feature.yml", "Feature request", null, []),
	)
	r := incident_management.report with input as repository(templates)
	r.verdict == "fail"
	startswith(testing.criterion(r, "Tool selected (Jira/GitHub)").message, `issue templates "Bug report", "Feature request": none for incidents`)
}

test_pending_when_the_repository_has_no_templates if {
	r := incident_management.report with input as repository({})
	r.verdict == "pending"
}

test_pending_without_evidence if {
	r := incident_management.report with input as {}
	r.verdict == "pending"
}
