# METADATA
# title: "Monitoring: Active monitoring for 24-48 hours"
# description: >-
#   Checklist item 10.3.2 (10.3 Post-Deployment). Decided from post-deployment records.
# custom:
#   id: "10.3.2"
#   section: "10.3 Post-Deployment"
#   severity: high
#   criteria:
#     - "Active monitoring for 24-48 hours"
#   evidence:
#     - attestations
#   remediation: >-
#     Provide post-deployment records so gonogo can verify this item.
package gonogo.items.final.post_deployment.monitoring

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Active monitoring for 24-48 hours"] := result.pending("post-deployment records")
