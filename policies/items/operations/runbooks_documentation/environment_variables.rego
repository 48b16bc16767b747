# METADATA
# title: "Environment Variables: Documented with examples"
# description: >-
#   Checklist item 6.1.6 (6.1 Runbooks & Documentation). Decided from operations documents in the repository.
# custom:
#   id: "6.1.6"
#   section: "6.1 Runbooks & Documentation"
#   severity: medium
#   criteria:
#     - "Documented with examples"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Provide operations documents in the repository so gonogo can verify this item.
package gonogo.items.operations.runbooks_documentation.environment_variables

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Documented with examples"] := result.pending("operations documents in the repository")
