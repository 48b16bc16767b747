package gonogo.items.integrations.payment_processing.stripe_integration_test

import data.gonogo.items.integrations.payment_processing.stripe_integration

test_pending_without_evidence if {
	r := stripe_integration.report with input as {}
	r.verdict == "pending"
}
