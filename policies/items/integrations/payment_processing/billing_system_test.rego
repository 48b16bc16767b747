package gonogo.items.integrations.payment_processing.billing_system_test

import data.gonogo.items.integrations.payment_processing.billing_system

test_pending_without_evidence if {
	r := billing_system.report with input as {}
	r.verdict == "pending"
}
