# METADATA
# title: "SOC 2: Audit trail enabled"
# description: >-
#   Checklist item 8.2.1 (8.2 Security Compliance). Decided from compliance documents and attestations.
# custom:
#   id: "8.2.1"
#   section: "8.2 Security Compliance"
#   severity: high
#   criteria:
#     - "Audit trail enabled"
#   evidence:
#     - compliance
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide compliance documents and attestations so gonogo can verify this item.
package gonogo.items.compliance.security_compliance.soc_2

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Audit trail enabled"] := result.pending("compliance documents and attestations")
