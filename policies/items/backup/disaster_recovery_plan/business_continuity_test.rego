package gonogo.items.backup.disaster_recovery_plan.business_continuity_test

import data.gonogo.items.backup.disaster_recovery_plan.business_continuity

test_passes_with_all_sections if {
	r := business_continuity.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"business_continuity": [
					{
						"path": "docs/bcp.md",
						"title": "business_continuity",
						"provenance": {
							"collector": "documents",
							"file": "docs/bcp.md",
							"ref": "docs/bcp.md:1",
						},
						"headings": [
							"business continuity",
							"critical workflows",
							"recovery priorities",
							"stakeholder notification",
						],
					},
				],
			},
		},
	}
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "critical workflows")
}

test_fails_without_priorities if {
	r := business_continuity.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"business_continuity": [
					{
						"path": "docs/bcp.md",
						"title": "business_continuity",
						"provenance": {
							"collector": "documents",
							"file": "docs/bcp.md",
							"ref": "docs/bcp.md:1",
						},
						"headings": [
							"business continuity",
							"critical workflows",
							"stakeholder notification",
						],
					},
				],
			},
		},
	}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "recovery priority: no heading")
}

test_fails_when_missing if {
	r := business_continuity.report with input as {"metadata": {"created_at": "2026-11-01T00:00:00Z"}, "operations": {"documents": {}}}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no business continuity")
}

test_pending_without_documents_collector if {
	r := business_continuity.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
