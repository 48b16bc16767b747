package gonogo.items.operations.team_preparedness.on_call_rotation_test

import data.gonogo.items.operations.team_preparedness.on_call_rotation

test_passes_with_schedule_heading if {
	r := on_call_rotation.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"on_call": [
					{
						"path": "docs/on-call.md",
						"title": "on_call",
						"provenance": {
							"collector": "documents",
							"file": "docs/on-call.md",
							"ref": "docs/on-call.md:1",
						},
						"headings": [
							"on-call",
							"rotation schedule",
						],
					},
				],
			},
		},
	}
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "rotation schedule")
}

test_fails_without_schedule_heading if {
	r := on_call_rotation.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"on_call": [
					{
						"path": "docs/on-call.md",
						"title": "on_call",
						"provenance": {
							"collector": "documents",
							"file": "docs/on-call.md",
							"ref": "docs/on-call.md:1",
						},
						"headings": [
							"on-call",
							"tools",
						],
					},
				],
			},
		},
	}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no heading matching")
}

test_fails_when_missing if {
	r := on_call_rotation.report with input as {"metadata": {"created_at": "2026-11-01T00:00:00Z"}, "operations": {"documents": {}}}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no on call or incident response document")
}

test_pending_without_documents_collector if {
	r := on_call_rotation.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
