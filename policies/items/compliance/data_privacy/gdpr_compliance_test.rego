package gonogo.items.compliance.data_privacy.gdpr_compliance_test

import data.gonogo.items.compliance.data_privacy.gdpr_compliance

test_not_applicable_when_context_says_no if {
	r := gdpr_compliance.report with input as {"context": {"serves_eu_users": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.serves_eu_users is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := gdpr_compliance.report with input as {"context": {"serves_eu_users": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := gdpr_compliance.report with input as {}
	r.verdict == "pending"
}
