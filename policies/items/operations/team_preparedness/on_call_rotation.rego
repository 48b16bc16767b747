# METADATA
# title: "On-Call Rotation: Schedule defined"
# description: >-
#   Checklist item 6.2.1 (6.2 Team Preparedness). Decided from on-call, escalation and training records.
# custom:
#   id: "6.2.1"
#   section: "6.2 Team Preparedness"
#   severity: critical
#   criteria:
#     - "Schedule defined"
#   evidence:
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide on-call, escalation and training records so gonogo can verify this item.
package gonogo.items.operations.team_preparedness.on_call_rotation

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Schedule defined"] := result.pending("on-call, escalation and training records")
