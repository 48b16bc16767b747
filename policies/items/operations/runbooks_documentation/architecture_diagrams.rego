# METADATA
# title: "Architecture Diagrams: Current and accurate"
# description: >-
#   Checklist item 6.1.4 (6.1 Runbooks & Documentation). Decided from operations documents in the repository.
# custom:
#   id: "6.1.4"
#   section: "6.1 Runbooks & Documentation"
#   severity: low
#   criteria:
#     - "Current and accurate"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Provide operations documents in the repository so gonogo can verify this item.
package gonogo.items.operations.runbooks_documentation.architecture_diagrams

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Current and accurate"] := result.pending("operations documents in the repository")
