# METADATA
# title: "API Documentation: Published and accessible"
# description: >-
#   Checklist item 6.1.5 (6.1 Runbooks & Documentation). Decided from operations documents in the repository.
# custom:
#   id: "6.1.5"
#   section: "6.1 Runbooks & Documentation"
#   severity: medium
#   criteria:
#     - "Published and accessible"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Provide operations documents in the repository so gonogo can verify this item.
package gonogo.items.operations.runbooks_documentation.api_documentation

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Published and accessible"] := result.pending("operations documents in the repository")
