package gonogo.items.integrations.payment_processing.billing_system_test

import data.gonogo.items.integrations.payment_processing.billing_system

test_not_applicable_when_context_says_no if {
	r := billing_system.report with input as {"context": {"processes_payments": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.processes_payments is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := billing_system.report with input as {"context": {"processes_payments": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := billing_system.report with input as {}
	r.verdict == "pending"
}
