package gonogo.items.compliance.terms_policies.privacy_policy_test

import data.gonogo.items.compliance.terms_policies.privacy_policy
import data.gonogo.lib.testing

test_passes_when_published if {
	r := privacy_policy.report with input as testing.documents_snapshot({
		"privacy_policy": [
			testing.document("privacy_policy", "legal/privacy_policy.md", {
				"published_url": "https://example.com/privacy_policy",
			}),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "published at https://example.com/")
}

test_fails_when_not_published if {
	r := privacy_policy.report with input as testing.documents_snapshot({
		"privacy_policy": [
			testing.document("privacy_policy", "legal/privacy_policy.md", {}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "is not published")
}

test_nothing_to_judge_when_missing if {
	r := privacy_policy.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "no privacy policy (")
}

test_pending_without_documents_collector if {
	r := privacy_policy.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
