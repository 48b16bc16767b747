# METADATA
# title: "Team Availability: On-call team ready"
# description: >-
#   Checklist item 10.3.3 (10.3 Post-Deployment). Measured from the Terraform on-call schedules:
#   one has a layer (or Opsgenie rotation) with people on it that started by now and runs at
#   least oncall.coverage_hours (48) past now, without time restrictions. Schedules that all
#   ended, start later, have nobody or are disabled fail. Otherwise (no schedule collected, or
#   only time-restricted layers, whose union gonogo does not compute) a verified attestation by
#   the DevOps Lead decides it.
# custom:
#   id: "10.3.3"
#   section: "10.3 Post-Deployment"
#   severity: high
#   criteria:
#     - "On-call team ready"
#   attested_by:
#     "On-call team ready": DevOps Lead
#   evidence:
#     - infrastructure.oncall_schedules
#     - attestations
#   remediation: >-
#     Make sure the on-call schedule covers the launch and the two days after it (a
#     pagerduty_schedule layer with people and no end before then), or have the DevOps Lead
#     attest that the on-call team is ready: gonogo attest 10.3.3 --role "DevOps Lead" ...
package gonogo.items.final.post_deployment.team_availability

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

_hours := oncall.coverage_hours

_covering := [s | some s in oncall.schedules; oncall.covers(s)]

_restricted := [s | some s in oncall.schedules; oncall.restricted_only(s)]

criteria["On-call team ready"] := _decided

default _decided := {"verdict": "pending", "message": "", "evidence": []}

_decided := result.pass(
	sprintf("%s: covers now through the next %d hours", [concat("; ", [oncall.describe_schedule(s) | some s in _covering]), _hours]),
	oncall.refs(_covering),
) if {
	count(_covering) > 0
} else := {
	"verdict": "pending",
	"message": sprintf(
		"%s: active layers have time restrictions; gonogo does not compute whether together they cover the next %d hours",
		[concat("; ", [oncall.describe_schedule(s) | some s in _restricted]), _hours],
	),
	"evidence": oncall.refs(_restricted),
} if {
	count(_restricted) > 0
} else := result.fail(
	sprintf("no schedule covers now through the next %d hours: %s", [_hours, concat("; ", [oncall.gap(s) | some s in oncall.schedules])]),
	oncall.refs(oncall.schedules),
) if {
	count(oncall.schedules) > 0
}
