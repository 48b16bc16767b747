# METADATA
# title: "CCPA Compliance: (If serving CA users)"
# description: >-
#   Checklist item 8.1.2 (8.1 Data Privacy). Decided from compliance documents and attestations.
# custom:
#   id: "8.1.2"
#   section: "8.1 Data Privacy"
#   severity: high
#   criteria:
#     - "Privacy notice posted"
#     - "Opt-out mechanism available"
#   evidence:
#     - compliance
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide compliance documents and attestations so gonogo can verify this item.
package gonogo.items.compliance.data_privacy.ccpa_compliance

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Privacy notice posted"] := result.unless_false("serves_ca_users", result.pending("CCPA compliance records"))
criteria["Opt-out mechanism available"] := result.unless_false("serves_ca_users", result.pending("CCPA compliance records"))
