# METADATA
# title: "Deployment Guide: Complete and tested"
# description: >-
#   Checklist item 6.1.1 (6.1 Runbooks & Documentation). Decided from operations documents in the repository.
# custom:
#   id: "6.1.1"
#   section: "6.1 Runbooks & Documentation"
#   severity: high
#   criteria:
#     - "Complete and tested"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Provide operations documents in the repository so gonogo can verify this item.
package gonogo.items.operations.runbooks_documentation.deployment_guide

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Complete and tested"] := result.pending("operations documents in the repository")
