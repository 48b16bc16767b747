package gonogo.items.final.pre_launch_checklist.rollback_plan_test

import data.gonogo.items.final.pre_launch_checklist.rollback_plan

test_passes_when_rehearsed if {
	r := rollback_plan.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"rollback": [
					{
						"path": "docs/rollback.md",
						"title": "rollback",
						"provenance": {
							"collector": "documents",
							"file": "docs/rollback.md",
							"ref": "docs/rollback.md:1",
						},
						"steps": 4,
						"last_tested": "2026-10-20",
					},
				],
			},
		},
	}
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "rehearsed 2026-10-20")
}

test_fails_when_not_rehearsed if {
	r := rollback_plan.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"rollback": [
					{
						"path": "docs/rollback.md",
						"title": "rollback",
						"provenance": {
							"collector": "documents",
							"file": "docs/rollback.md",
							"ref": "docs/rollback.md:1",
						},
						"steps": 4,
					},
				],
			},
		},
	}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "rehearsed")
}

test_fails_when_missing if {
	r := rollback_plan.report with input as {"metadata": {"created_at": "2026-11-01T00:00:00Z"}, "operations": {"documents": {}}}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no rollback plan found")
}

test_pending_without_documents_collector if {
	r := rollback_plan.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
