package gonogo.items.compliance.security_compliance.hipaa_test

import data.gonogo.items.compliance.security_compliance.hipaa

test_not_applicable_when_context_says_no if {
	r := hipaa.report with input as {"context": {"handles_phi": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.handles_phi is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := hipaa.report with input as {"context": {"handles_phi": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := hipaa.report with input as {}
	r.verdict == "pending"
}
