# METADATA
# title: "Email Service: (SendGrid/SES)"
# description: >-
#   Checklist item 9.2.1 (9.2 External Services). Decided from integration configuration and test records.
# custom:
#   id: "9.2.1"
#   section: "9.2 External Services"
#   severity: medium
#   criteria:
#     - "Transactional emails tested"
#     - "Email templates reviewed"
#     - "Bounce handling configured"
#   evidence:
#     - integrations
#   remediation: >-
#     Provide integration configuration and test records so gonogo can verify this item.
package gonogo.items.integrations.external_services.email_service

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Transactional emails tested"] := result.unless_false(
	"sends_email",
	result.pending("email-service facts (templates, bounce handling, test runs)"),
)

criteria["Email templates reviewed"] := result.unless_false(
	"sends_email",
	result.pending("email-service facts (templates, bounce handling, test runs)"),
)

criteria["Bounce handling configured"] := result.unless_false(
	"sends_email",
	result.pending("email-service facts (templates, bounce handling, test runs)"),
)
