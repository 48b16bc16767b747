package gonogo.items.compliance.terms_policies.privacy_policy_test

import data.gonogo.items.compliance.terms_policies.privacy_policy

test_passes_when_published if {
	r := privacy_policy.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"privacy_policy": [
					{
						"path": "legal/privacy_policy.md",
						"title": "privacy_policy",
						"provenance": {
							"collector": "documents",
							"file": "legal/privacy_policy.md",
							"ref": "legal/privacy_policy.md:1",
						},
						"published_url": "https://example.com/privacy_policy",
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
	r := privacy_policy.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"privacy_policy": [
					{
						"path": "legal/privacy_policy.md",
						"title": "privacy_policy",
						"provenance": {
							"collector": "documents",
							"file": "legal/privacy_policy.md",
							"ref": "legal/privacy_policy.md:1",
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
	r := privacy_policy.report with input as {"metadata": {"created_at": "2026-11-01T00:00:00Z"}, "operations": {"documents": {}}}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no privacy policy found")
}

test_pending_without_documents_collector if {
	r := privacy_policy.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
