# METADATA
# title: "GDPR Compliance: (If serving EU users)"
# description: >-
#   Checklist item 8.1.1 (8.1 Data Privacy). Decided from compliance documents and attestations.
# custom:
#   id: "8.1.1"
#   section: "8.1 Data Privacy"
#   severity: critical
#   criteria:
#     - "Data processing agreement signed"
#     - "Privacy policy published"
#     - "Cookie consent implemented"
#     - "Data export functionality"
#     - "Right to deletion implemented"
#   evidence:
#     - compliance
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide compliance documents and attestations so gonogo can verify this item.
package gonogo.items.compliance.data_privacy.gdpr_compliance

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Data processing agreement signed"] := result.unless_false(
	"serves_eu_users",
	result.pending("GDPR compliance records (DPA, cookie consent, export and deletion endpoints)"),
)

criteria["Privacy policy published"] := result.unless_false(
	"serves_eu_users",
	result.pending("GDPR compliance records (DPA, cookie consent, export and deletion endpoints)"),
)

criteria["Cookie consent implemented"] := result.unless_false(
	"serves_eu_users",
	result.pending("GDPR compliance records (DPA, cookie consent, export and deletion endpoints)"),
)

criteria["Data export functionality"] := result.unless_false(
	"serves_eu_users",
	result.pending("GDPR compliance records (DPA, cookie consent, export and deletion endpoints)"),
)

criteria["Right to deletion implemented"] := result.unless_false(
	"serves_eu_users",
	result.pending("GDPR compliance records (DPA, cookie consent, export and deletion endpoints)"),
)
