# METADATA
# title: "Escalation Path: Contacts documented"
# description: >-
#   Checklist item 6.2.2. A PagerDuty or Opsgenie escalation policy in a Terraform plan with at
#   least escalation.min_levels levels or targets, measured; else an escalation, on-call,
#   incident-response or DR document with an escalation/contacts section that has content under
#   its heading, which is declared and so, on this high item, pending until measured or attested.
# custom:
#   id: "6.2.2"
#   section: "6.2 Team Preparedness"
#   severity: high
#   criteria:
#     - "Contacts documented"
#   evidence:
#     - infrastructure.escalation_policies
#     - operations.documents
#   thresholds:
#     - name: escalation.min_levels
#       default: 2
#       unit: count
#       description: Fewest escalation levels (or distinct targets) an escalation policy must have.
#   remediation: >-
#     Manage the escalation policy in Terraform (pagerduty_escalation_policy with two rules, or
#     opsgenie_escalation with two rules) and commit the plan JSON; or list the escalation
#     contacts under an "Escalation contacts" heading and have them attested.
package gonogo.items.operations.team_preparedness.escalation_path

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

_minimum := result.threshold("escalation.min_levels", 2)

_policies := [p | some p in oncall.facts("escalation_policies")]

_enough(p) if p.levels >= _minimum

_enough(p) if p.targets >= _minimum

_describe(p) := sprintf(
	"%s escalation policy %q (%s): %d level(s), %d target(s)",
	[p.provider, oncall.name(p), p.provenance.ref, p.levels, p.targets],
)

_good := [p | some p in _policies; _enough(p)]

criteria["Contacts documented"] := result.pass(concat("; ", [_describe(p) | some p in _good]), oncall.refs(_good)) if {
	count(_good) > 0
} else := result.fail(
	sprintf("%s (fewer than %d levels and targets: nobody to escalate to)", [concat("; ", [_describe(p) | some p in _policies]), _minimum]),
	oncall.refs(_policies),
) if {
	count(_policies) > 0
} else := oncall.documented(["escalation", "on_call", "incident_response", "dr_runbook"], "escalat|contact", "escalation contacts")
