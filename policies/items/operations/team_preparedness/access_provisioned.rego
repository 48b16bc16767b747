# METADATA
# title: "Access Provisioned: All team members have necessary access"
# description: >-
#   Checklist item 6.2.4 (6.2 Team Preparedness). Decided from on-call, escalation and training records.
# custom:
#   id: "6.2.4"
#   section: "6.2 Team Preparedness"
#   severity: medium
#   criteria:
#     - "All team members have necessary access"
#   evidence:
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide on-call, escalation and training records so gonogo can verify this item.
package gonogo.items.operations.team_preparedness.access_provisioned

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["All team members have necessary access"] := result.pending("on-call, escalation and training records")
