# METADATA
# title: "Acceptable Use Policy: Published"
# description: >-
#   Checklist item 8.3.4 (8.3 Terms & Policies). Decided from compliance documents and attestations.
# custom:
#   id: "8.3.4"
#   section: "8.3 Terms & Policies"
#   severity: low
#   criteria:
#     - "Published"
#   evidence:
#     - compliance
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide compliance documents and attestations so gonogo can verify this item.
package gonogo.items.compliance.terms_policies.acceptable_use_policy

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Published"] := result.pending("compliance documents and attestations")
