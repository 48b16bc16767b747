# METADATA
# title: "PCI DSS: (If processing payments)"
# description: >-
#   Checklist item 8.2.2 (8.2 Security Compliance). Decided from compliance documents and attestations.
# custom:
#   id: "8.2.2"
#   section: "8.2 Security Compliance"
#   severity: critical
#   criteria:
#     - "Cardholder data encrypted"
#     - "Network segmentation"
#     - "Access controls enforced"
#   evidence:
#     - compliance
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide compliance documents and attestations so gonogo can verify this item.
package gonogo.items.compliance.security_compliance.pci_dss

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Cardholder data encrypted"] := result.unless_false(
	"processes_payments",
	result.pending("PCI DSS evidence (cardholder-data encryption, segmentation, access control)"),
)

criteria["Network segmentation"] := result.unless_false(
	"processes_payments",
	result.pending("PCI DSS evidence (cardholder-data encryption, segmentation, access control)"),
)

criteria["Access controls enforced"] := result.unless_false(
	"processes_payments",
	result.pending("PCI DSS evidence (cardholder-data encryption, segmentation, access control)"),
)
