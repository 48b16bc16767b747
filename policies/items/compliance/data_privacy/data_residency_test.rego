package gonogo.items.compliance.data_privacy.data_residency_test

import data.gonogo.items.compliance.data_privacy.data_residency

test_not_applicable_when_context_says_no if {
	r := data_residency.report with input as {"context": {"data_residency_required": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.data_residency_required is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := data_residency.report with input as {"context": {"data_residency_required": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := data_residency.report with input as {}
	r.verdict == "pending"
}
