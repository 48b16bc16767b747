package gonogo.items.compliance.terms_policies.acceptable_use_policy_test

import data.gonogo.items.compliance.terms_policies.acceptable_use_policy
import data.gonogo.lib.testing

test_passes_when_published if {
	r := acceptable_use_policy.report with input as testing.documents_snapshot({
		"acceptable_use": [
			testing.document("acceptable_use", "legal/acceptable_use.md", {
				"published_url": "https://example.com/acceptable_use",
			}),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "published at https://example.com/")
}

test_fails_when_not_published if {
	r := acceptable_use_policy.report with input as testing.documents_snapshot({
		"acceptable_use": [
			testing.document("acceptable_use", "legal/acceptable_use.md", {}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "is not published")
}

test_nothing_to_judge_when_missing if {
	r := acceptable_use_policy.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "no acceptable use policy (")
}

test_pending_without_documents_collector if {
	r := acceptable_use_policy.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
