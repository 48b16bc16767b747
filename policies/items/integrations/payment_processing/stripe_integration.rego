# METADATA
# title: "Stripe Integration:"
# description: >-
#   Checklist item 9.1.1 (9.1 Payment Processing). Decided from integration configuration and test records.
# custom:
#   id: "9.1.1"
#   section: "9.1 Payment Processing"
#   severity: high
#   criteria:
#     - "Webhook endpoints secured"
#     - "Webhook signatures validated"
#     - "Test mode to production verified"
#     - "Subscription plans created"
#     - "Payment failure handling tested"
#   evidence:
#     - integrations
#   remediation: >-
#     Provide integration configuration and test records so gonogo can verify this item.
package gonogo.items.integrations.payment_processing.stripe_integration

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Webhook endpoints secured"] := result.unless_false(
	"uses_stripe",
	result.pending("Stripe integration facts (webhook endpoints, signature checks, plans)"),
)

criteria["Webhook signatures validated"] := result.unless_false(
	"uses_stripe",
	result.pending("Stripe integration facts (webhook endpoints, signature checks, plans)"),
)

criteria["Test mode to production verified"] := result.unless_false(
	"uses_stripe",
	result.pending("Stripe integration facts (webhook endpoints, signature checks, plans)"),
)

criteria["Subscription plans created"] := result.unless_false(
	"uses_stripe",
	result.pending("Stripe integration facts (webhook endpoints, signature checks, plans)"),
)

criteria["Payment failure handling tested"] := result.unless_false(
	"uses_stripe",
	result.pending("Stripe integration facts (webhook endpoints, signature checks, plans)"),
)
