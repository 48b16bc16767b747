package gonogo.items.compliance.data_privacy.ccpa_compliance_test

import data.gonogo.items.compliance.data_privacy.ccpa_compliance

test_not_applicable_when_context_says_no if {
	r := ccpa_compliance.report with input as {"context": {"serves_ca_users": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.serves_ca_users is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := ccpa_compliance.report with input as {"context": {"serves_ca_users": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := ccpa_compliance.report with input as {}
	r.verdict == "pending"
}
