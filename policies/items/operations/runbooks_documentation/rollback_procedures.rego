# METADATA
# title: "Rollback Procedures: Documented and rehearsed"
# description: >-
#   Checklist item 6.1.2 (6.1 Runbooks & Documentation). Decided from operations documents in the repository.
# custom:
#   id: "6.1.2"
#   section: "6.1 Runbooks & Documentation"
#   severity: critical
#   criteria:
#     - "Documented and rehearsed"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Provide operations documents in the repository so gonogo can verify this item.
package gonogo.items.operations.runbooks_documentation.rollback_procedures

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Documented and rehearsed"] := result.pending("operations documents in the repository")
