# METADATA
# title: "Training Completed: Team trained on systems"
# description: >-
#   Checklist item 6.2.3 (6.2 Team Preparedness). Decided from on-call, escalation and training records.
# custom:
#   id: "6.2.3"
#   section: "6.2 Team Preparedness"
#   severity: medium
#   criteria:
#     - "Team trained on systems"
#   evidence:
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide on-call, escalation and training records so gonogo can verify this item.
package gonogo.items.operations.team_preparedness.training_completed

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Team trained on systems"] := result.pending("on-call, escalation and training records")
