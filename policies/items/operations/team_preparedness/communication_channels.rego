# METADATA
# title: "Communication Channels: Slack/Teams channels set up"
# description: >-
#   Checklist item 6.2.5 (6.2 Team Preparedness). Measured: an Alertmanager receiver with a
#   configured slack_configs or msteams_configs integration that a route reaches, a Grafana
#   contact point with a Slack or Teams block, or a Slack channel (slack_conversation) in a
#   Terraform plan. A chat integration without its webhook/API URL or that no route reaches
#   fails. Without those, an on-call, incident-response or communication-plan section on
#   channels with content under it passes as declared.
# custom:
#   id: "6.2.5"
#   section: "6.2 Team Preparedness"
#   severity: low
#   criteria:
#     - "Slack/Teams channels set up"
#   evidence:
#     - monitoring.alertmanager
#     - infrastructure.contact_points
#     - operations.documents
#   remediation: >-
#     Add a slack_configs (or msteams_configs) receiver to Alertmanager with its api_url_file and
#     route alerts to it, or manage the channel in Terraform (grafana_contact_point with a slack
#     block, slack_conversation).
package gonogo.items.operations.team_preparedness.communication_channels

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

_chat := {"slack", "msteams"}

_receivers := array.concat(
	object.get(input, ["monitoring", "alertmanager", "integrations", "slack"], []),
	object.get(input, ["monitoring", "alertmanager", "integrations", "msteams"], []),
)

_ready_receivers := [e | some e in _receivers; e.configured; e.referenced]

_contact_points := [c | some c in oncall.facts("contact_points"); some kind in c.integrations; kind in _chat]

_describe_receiver(e) := sprintf("Alertmanager receiver %s (%s): %s", [e.receiver, e.ref, e.type])

_describe_point(c) := sprintf("%s %s %q (%s): %s", [
	c.provider, _point_kind(c), oncall.name(c), c.provenance.ref,
	concat(", ", [k | some k in c.integrations; k in _chat]),
])

_point_kind(c) := "channel" if c.provider == "slack"

else := "contact point"

_problem(e) := sprintf("%s integration has no webhook/API URL", [_describe_receiver(e)]) if {
	not e.configured
} else := sprintf("%s integration is reached by no route", [_describe_receiver(e)])

criteria["Slack/Teams channels set up"] := result.pass(
	concat("; ", array.concat([_describe_receiver(e) | some e in _ready_receivers], [_describe_point(c) | some c in _contact_points])),
	array.concat([e.ref | some e in _ready_receivers], oncall.refs(_contact_points)),
) if {
	count(_ready_receivers) + count(_contact_points) > 0
} else := result.fail(concat("; ", [_problem(e) | some e in _receivers]), [e.ref | some e in _receivers]) if {
	count(_receivers) > 0
} else := oncall.documented_if_present(
	["on_call", "incident_response", "communication_plan"],
	"slack|teams|channel|chat|communicat",
	"communication channels",
	"a Slack/Teams receiver (Alertmanager), contact point or channel (Terraform), or a written channels section",
)
