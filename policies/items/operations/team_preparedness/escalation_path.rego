# METADATA
# title: "Escalation Path: Contacts documented"
# description: >-
#   Checklist item 6.2.2 (6.2 Team Preparedness). Decided from on-call, escalation and training records.
# custom:
#   id: "6.2.2"
#   section: "6.2 Team Preparedness"
#   severity: high
#   criteria:
#     - "Contacts documented"
#   evidence:
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide on-call, escalation and training records so gonogo can verify this item.
package gonogo.items.operations.team_preparedness.escalation_path

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Contacts documented"] := result.pending("on-call, escalation and training records")
