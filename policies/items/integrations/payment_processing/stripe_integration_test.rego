package gonogo.items.integrations.payment_processing.stripe_integration_test

import data.gonogo.items.integrations.payment_processing.stripe_integration

test_not_applicable_when_context_says_no if {
	r := stripe_integration.report with input as {"context": {"uses_stripe": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.uses_stripe is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := stripe_integration.report with input as {"context": {"uses_stripe": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := stripe_integration.report with input as {}
	r.verdict == "pending"
}
