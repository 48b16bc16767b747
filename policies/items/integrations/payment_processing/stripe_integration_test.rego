package gonogo.items.integrations.payment_processing.stripe_integration_test

import data.gonogo.items.integrations.payment_processing.stripe_integration
import data.gonogo.lib.testing

test_not_applicable_when_context_says_no_and_the_product_manager_attests_it if {
	attested := testing.attested("context.uses_stripe=false", "Product Manager", {})
	r := stripe_integration.report with input as object.union({"context": {"uses_stripe": false}}, attested)
	r.verdict == "not_applicable"
	some c in r.criteria
	startswith(c.message, "context.uses_stripe is false in gonogo.yaml")
}

test_a_typed_context_flag_alone_keeps_it_applicable if {
	r := stripe_integration.report with input as {"context": {"uses_stripe": false}}
	r.verdict != "not_applicable"
	some c in r.criteria
	contains(c.message, "only an attestation by the Product Manager makes")
}

test_pending_when_context_says_yes if {
	r := stripe_integration.report with input as {"context": {"uses_stripe": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := stripe_integration.report with input as {}
	r.verdict == "pending"
}
