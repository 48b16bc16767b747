# METADATA
# title: "Incident Response: Runbooks created"
# description: >-
#   Checklist item 6.1.3 (6.1 Runbooks & Documentation). Decided from operations documents in the repository.
# custom:
#   id: "6.1.3"
#   section: "6.1 Runbooks & Documentation"
#   severity: high
#   criteria:
#     - "Runbooks created"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Provide operations documents in the repository so gonogo can verify this item.
package gonogo.items.operations.runbooks_documentation.incident_response

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Runbooks created"] := result.pending("operations documents in the repository")
