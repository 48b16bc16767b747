package gonogo.items.compliance.terms_policies.acceptable_use_policy_test

import data.gonogo.items.compliance.terms_policies.acceptable_use_policy

test_passes_when_published if {
	r := acceptable_use_policy.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"acceptable_use": [
					{
						"path": "legal/acceptable_use.md",
						"title": "acceptable_use",
						"provenance": {
							"collector": "documents",
							"file": "legal/acceptable_use.md",
							"ref": "legal/acceptable_use.md:1",
						},
						"published_url": "https://example.com/acceptable_use",
					},
				],
			},
		},
	}
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "published at https://example.com/")
}

test_fails_when_not_published if {
	r := acceptable_use_policy.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"acceptable_use": [
					{
						"path": "legal/acceptable_use.md",
						"title": "acceptable_use",
						"provenance": {
							"collector": "documents",
							"file": "legal/acceptable_use.md",
							"ref": "legal/acceptable_use.md:1",
						},
					},
				],
			},
		},
	}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "is not published")
}

test_fails_when_missing if {
	r := acceptable_use_policy.report with input as {"metadata": {"created_at": "2026-11-01T00:00:00Z"}, "operations": {"documents": {}}}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no acceptable use policy found")
}

test_pending_without_documents_collector if {
	r := acceptable_use_policy.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
