# METADATA
# title: "Communication: Success communicated to stakeholders"
# description: >-
#   Checklist item 10.3.5 (10.3 Post-Deployment). Decided from post-deployment records.
# custom:
#   id: "10.3.5"
#   section: "10.3 Post-Deployment"
#   severity: low
#   criteria:
#     - "Success communicated to stakeholders"
#   evidence:
#     - attestations
#   remediation: >-
#     Provide post-deployment records so gonogo can verify this item.
package gonogo.items.final.post_deployment.communication

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Success communicated to stakeholders"] := result.pending("post-deployment records")
