# METADATA
# title: "Data Residency: Requirements met"
# description: >-
#   Checklist item 8.1.3 (8.1 Data Privacy). Decided from compliance documents and attestations.
# custom:
#   id: "8.1.3"
#   section: "8.1 Data Privacy"
#   severity: medium
#   criteria:
#     - "Requirements met"
#   evidence:
#     - compliance
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide compliance documents and attestations so gonogo can verify this item.
package gonogo.items.compliance.data_privacy.data_residency

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Requirements met"] := result.unless_false(
	"data_residency_required",
	result.pending("data-residency facts (regions of storage and databases)"),
)
