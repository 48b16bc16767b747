# METADATA
# title: "HIPAA: (If healthcare data)"
# description: >-
#   Checklist item 8.2.3 (8.2 Security Compliance). Decided from compliance documents and attestations.
# custom:
#   id: "8.2.3"
#   section: "8.2 Security Compliance"
#   severity: critical
#   criteria:
#     - "PHI encryption validated"
#     - "Access logging enabled"
#     - "BAA agreements signed"
#   evidence:
#     - compliance
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide compliance documents and attestations so gonogo can verify this item.
package gonogo.items.compliance.security_compliance.hipaa

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["PHI encryption validated"] := result.unless_false("handles_phi", result.pending("HIPAA evidence (PHI encryption, access logs, BAAs)"))
criteria["Access logging enabled"] := result.unless_false("handles_phi", result.pending("HIPAA evidence (PHI encryption, access logs, BAAs)"))
criteria["BAA agreements signed"] := result.unless_false("handles_phi", result.pending("HIPAA evidence (PHI encryption, access logs, BAAs)"))
