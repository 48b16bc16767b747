package gonogo.items.compliance.terms_policies.privacy_policy_test

import data.gonogo.items.compliance.terms_policies.privacy_policy

test_pending_without_evidence if {
	r := privacy_policy.report with input as {}
	r.verdict == "pending"
}
