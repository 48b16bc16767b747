# METADATA
# title: "On-Call Rotation: Schedule defined"
# description: >-
#   Checklist item 6.2.1. A PagerDuty or Opsgenie schedule in a Terraform plan that rotates
#   through at least oncall.min_people people (or has two layers), measured; else an on-call (or
#   incident-response) document with a schedule/rotation section that has content under its
#   heading, which is declared (typed by hand) and so, on this critical item, pending until
#   measured or attested.
# custom:
#   id: "6.2.1"
#   section: "6.2 Team Preparedness"
#   severity: critical
#   criteria:
#     - "Schedule defined"
#   evidence:
#     - infrastructure.oncall_schedules
#     - operations.documents
#   remediation: >-
#     Manage the on-call schedule in Terraform (pagerduty_schedule layers with at least two
#     users, or opsgenie_schedule with opsgenie_schedule_rotation participants) and commit the
#     plan JSON (terraform show -json); a written rotation alone is not enough for a critical item.
package gonogo.items.operations.team_preparedness.on_call_rotation

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

_staffed := [s | some s in oncall.schedules; oncall.staffed(s)]

criteria["Schedule defined"] := result.pass(
	concat("; ", [oncall.describe_schedule(s) | some s in _staffed]),
	oncall.refs(_staffed),
) if {
	count(_staffed) > 0
} else := result.fail(
	sprintf(
		"%s (fewer than %d people and a single layer, or disabled)",
		[concat("; ", [oncall.describe_schedule(s) | some s in oncall.schedules]), oncall.min_people],
	),
	oncall.refs(oncall.schedules),
) if {
	count(oncall.schedules) > 0
} else := oncall.documented(["on_call", "incident_response"], "schedule|rotation", "on-call schedule")
