package gonogo.items.compliance.terms_policies.acceptable_use_policy_test

import data.gonogo.items.compliance.terms_policies.acceptable_use_policy

test_pending_without_evidence if {
	r := acceptable_use_policy.report with input as {}
	r.verdict == "pending"
}
