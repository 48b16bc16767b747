# METADATA
# title: "Incident Management: Tool selected (Jira/GitHub)"
# description: >-
#   Checklist item 6.3.5 (6.3 Monitoring & Alerting). An incident tracker in use: a Jira project
#   in a Terraform plan (jira_project), an Alertmanager receiver that files Jira issues
#   (jira_configs), or an issue template for incidents in the repository (a GitHub issue form or
#   template, a GitLab description template, whose name, title or a label says incident, outage
#   or postmortem). Issue templates without an incident one fail.
# custom:
#   id: "6.3.5"
#   section: "6.3 Monitoring & Alerting"
#   severity: low
#   criteria:
#     - "Tool selected (Jira/GitHub)"
#   evidence:
#     - operations.repository
#     - infrastructure.issue_trackers
#     - monitoring.alertmanager
#   remediation: >-
#     Add an incident issue form (.github/ISSUE_TEMPLATE/incident.yml with labels: [incident]) or
#     a GitLab template (.gitlab/issue_templates/Incident.md), or manage the incident project in
#     Jira with Terraform (jira_project).
package gonogo.items.operations.monitoring_alerting.incident_management

import data.gonogo.items.operations.lib.oncall
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

_pattern := `(?i)incident|outage|post-?mortem`

_templates := [t | some t in object.get(input, ["operations", "repository", "issue_templates"], {})]

_incident(t) if regex.match(_pattern, t.name)

_incident(t) if {
	is_string(t.title)
	regex.match(_pattern, t.title)
}

_incident(t) if {
	some label in t.labels
	regex.match(_pattern, label)
}

_incident_templates := [t | some t in _templates; _incident(t)]

_jira := [p | some p in oncall.facts("issue_trackers")]

_jira_receivers := [e | some e in object.get(input, ["monitoring", "alertmanager", "integrations", "jira"], []); e.configured]

_found := array.flatten([
	[sprintf("Jira project %q (%s)", [oncall.name(p), p.provenance.ref]) | some p in _jira],
	[sprintf("Alertmanager receiver %s (%s) files Jira issues", [e.receiver, e.ref]) | some e in _jira_receivers],
	[sprintf("%s %s %q (%s), labels %s", [t.forge, _format(t), t.name, t.provenance.ref, _labels(t)]) | some t in _incident_templates],
])

_format(t) := "issue form" if t.format == "issue_form"

else := "issue template"

_labels(t) := concat(", ", t.labels) if count(t.labels) > 0

else := "none"

_refs := array.flatten([oncall.refs(_jira), [e.ref | some e in _jira_receivers], oncall.refs(_incident_templates)])

criteria["Tool selected (Jira/GitHub)"] := result.pass(concat("; ", _found), _refs) if {
	count(_found) > 0
} else := result.fail(
	sprintf(
		"issue templates %s: none for incidents (no name, title or label matching %s)",
		[concat(", ", sort([sprintf("%q", [t.name]) | some t in _templates])), _pattern],
	),
	oncall.refs(_templates),
) if {
	count(_templates) > 0
} else := result.pending(concat("", [
	"an incident tracker: an incident issue template (.github/ISSUE_TEMPLATE, .gitlab/issue_templates), ",
	"a jira_project in a Terraform plan, or an Alertmanager jira_configs receiver",
]))
