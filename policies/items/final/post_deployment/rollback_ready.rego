# METADATA
# title: "Rollback Ready: One-command rollback prepared"
# description: >-
#   Checklist item 10.3.4 (10.3 Post-Deployment). Decided from post-deployment records.
# custom:
#   id: "10.3.4"
#   section: "10.3 Post-Deployment"
#   severity: critical
#   criteria:
#     - "One-command rollback prepared"
#   evidence:
#     - attestations
#   remediation: >-
#     Provide post-deployment records so gonogo can verify this item.
package gonogo.items.final.post_deployment.rollback_ready

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["One-command rollback prepared"] := result.pending("post-deployment records")
