# METADATA
# title: "Team Availability: On-call team ready"
# description: >-
#   Checklist item 10.3.3 (10.3 Post-Deployment). Decided from post-deployment records.
# custom:
#   id: "10.3.3"
#   section: "10.3 Post-Deployment"
#   severity: high
#   criteria:
#     - "On-call team ready"
#   evidence:
#     - attestations
#   remediation: >-
#     Provide post-deployment records so gonogo can verify this item.
package gonogo.items.final.post_deployment.team_availability

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["On-call team ready"] := result.pending("post-deployment records")
