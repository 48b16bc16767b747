# METADATA
# title: "Stripe Integration:"
# description: >-
#   Checklist item 9.1.1 (9.1 Payment Processing). Decided from the integrations collector's
#   facts: Stripe webhook routes in application code (does each verify the Stripe-Signature
#   header with the SDK, with a signing secret read from the environment or a secret store, and
#   reject a failed check), stripe_webhook_endpoint URLs in Terraform plans, the class of Stripe
#   keys found in configuration files (never the key), recurring stripe_price resources, and
#   JUnit test cases named for payment failures. Whether the switch from test mode to live mode
#   was verified is a person's act: an attestation by the Engineering Lead decides it, unless a
#   committed key contradicts it.
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
#   attested_by:
#     "Test mode to production verified": Engineering Lead
#   evidence:
#     - integrations.stripe
#     - integrations.tests
#   remediation: >-
#     Verify every Stripe webhook with stripe.Webhook.construct_event /
#     stripe.webhooks.constructEvent and reject a failed check with 400; read the signing secret
#     (whsec_) from the environment or a secret store; keep test keys out of production and live
#     keys out of the repository; manage products and recurring prices in Terraform; test
#     declined cards and failed invoices and keep the JUnit report.
package gonogo.items.integrations.payment_processing.stripe_integration

import data.gonogo.items.integrations.lib.integrations
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

criteria["Webhook endpoints secured"] := result.unless_false("uses_stripe", secured)

criteria["Webhook signatures validated"] := result.unless_false("uses_stripe", validated)

criteria["Test mode to production verified"] := result.unless_false("uses_stripe", key_modes)

criteria["Subscription plans created"] := result.unless_false("uses_stripe", plans)

criteria["Payment failure handling tested"] := result.unless_false(
	"uses_stripe",
	integrations.tested("payment_failure", "a payment failure (declined card, card_error, failed invoice)", used, "Stripe"),
)

_needs := "Stripe facts from code, manifests or Terraform plans (integrations collector)"

stripe := integrations.part("stripe")

webhooks := integrations.table("stripe", "webhooks")

endpoints := integrations.table("stripe", "webhook_endpoints")

default used := false

# METADATA
# scope: document
# description: True when Stripe was found (its SDK, a webhook route, or Stripe Terraform resources).
used if count(integrations.table("stripe", "sdk")) + count(webhooks) > 0

used if count(integrations.table("stripe", "products")) + count(integrations.table("stripe", "prices")) > 0

used if count(endpoints) > 0

_secured_problems contains sprintf("webhook %s (%s) verifies with a literal signing secret", [h.handler, ref]) if {
	some ref, h in webhooks
	h.secret_source == "literal"
}

_secured_problems contains sprintf("a whsec_ signing secret is written in %s", [ref]) if {
	some ref, _ in integrations.table("stripe", "signing_secret_literals")
}

_secured_problems contains sprintf("webhook %s (%s) accepts events whose signature check failed (the error is swallowed)", [h.handler, ref]) if {
	some ref, h in webhooks
	h.rejects_invalid == false
}

_secured_problems contains sprintf("webhook %s (%s) accepts unsigned events", [h.handler, ref]) if {
	some ref, h in webhooks
	not h.verifies_signature
}

_secured_problems contains sprintf("%s (%s) is not an https URL", [address, e.provenance.ref]) if {
	some address, e in endpoints
	e.https == false
}

_unknown_secrets contains sprintf("%s (%s)", [h.handler, ref]) if {
	some ref, h in webhooks
	h.verifies_signature
	h.secret_source == "unknown"
}

_secured_refs := array.concat(integrations.refs(webhooks), integrations.refs(endpoints))

default secured := {"verdict": "error", "message": "undecided", "evidence": []}

secured := result.pending(_needs) if {
	stripe == null
} else := result.fail(concat("; ", sort(_secured_problems)), _secured_refs) if {
	count(_secured_problems) > 0
} else := result.pending("a Stripe webhook route in code or a stripe_webhook_endpoint in a Terraform plan") if {
	count(webhooks) + count(endpoints) == 0
} else := result.pending(sprintf(
	"where the signing secret of webhook %s comes from (environment, secret store or configuration)",
	[concat(", ", sort(_unknown_secrets))],
)) if {
	count(_unknown_secrets) > 0
} else := result.pass(
	sprintf(
		"%d webhook route(s) verify signatures with a secret from %s and reject a failed check; %d endpoint(s) over https",
		[count(webhooks), concat("/", sort({h.secret_source | some h in webhooks})), count(endpoints)],
	),
	_secured_refs,
)

_unverified contains sprintf("%s %s (%s)", [h.handler, object.get(h, "route", ""), ref]) if {
	some ref, h in webhooks
	not h.verifies_signature
}

default validated := {"verdict": "error", "message": "undecided", "evidence": []}

validated := result.pending(_needs) if {
	stripe == null
} else := result.pending("a Stripe webhook route in application code") if {
	count(webhooks) == 0
} else := result.fail(
	sprintf(
		"webhook route(s) parse events without stripe.Webhook.construct_event / stripe.webhooks.constructEvent: %s",
		[concat(", ", sort(_unverified))],
	),
	integrations.refs(webhooks),
) if {
	count(_unverified) > 0
} else := result.pass(
	sprintf("all %d Stripe webhook route(s) verify the Stripe-Signature header with the SDK", [count(webhooks)]),
	integrations.refs(webhooks),
)

_test_classes := {"secret_test", "restricted_test", "publishable_test"}

_live_secret_classes := {"secret_live", "restricted_live"}

_key_problems contains sprintf("a test-mode key (%s) in production configuration %s", [k.class, ref]) if {
	some ref, k in integrations.table("stripe", "keys")
	k.class in _test_classes
	k.environment == "production"
}

_key_problems contains sprintf("a live-mode key (%s) committed in %s", [k.class, ref]) if {
	some ref, k in integrations.table("stripe", "keys")
	k.class in _live_secret_classes
}

default key_modes := {"verdict": "error", "message": "undecided", "evidence": []}

key_modes := result.fail(concat("; ", sort(_key_problems)), sort([k.provenance.ref | some k in integrations.table("stripe", "keys")])) if {
	count(_key_problems) > 0
} else := result.pending("a record that live mode was verified before launch (no committed key contradicts it)") if {
	stripe != null
} else := result.pending(_needs)

_recurring contains sprintf("%s (%s)", [address, p.interval]) if {
	some address, p in integrations.table("stripe", "prices")
	p.recurring
	p.active != false
}

_fixture_recurring contains ref if {
	some ref, p in integrations.table("stripe", "fixture_prices")
	p.recurring
}

_products := integrations.table("stripe", "products")

default plans := {"verdict": "error", "message": "undecided", "evidence": []}

plans := result.pending(_needs) if {
	stripe == null
} else := result.pass(
	sprintf("recurring Stripe prices in Terraform: %s", [concat(", ", sort(_recurring))]),
	integrations.refs(integrations.table("stripe", "prices")),
) if {
	count(_recurring) > 0
} else := result.declared(
	sprintf("a Stripe CLI fixtures file creates %d recurring price(s)", [count(_fixture_recurring)]),
	sort(_fixture_recurring),
) if {
	count(_fixture_recurring) > 0
} else := result.fail(
	sprintf(
		"Stripe product(s) %s have no active recurring price: no subscription plan is created",
		[concat(", ", sort(object.keys(_products)))],
	),
	integrations.refs(_products),
) if {
	count(_products) > 0
} else := result.pending("stripe_product and recurring stripe_price resources in a Terraform plan")
