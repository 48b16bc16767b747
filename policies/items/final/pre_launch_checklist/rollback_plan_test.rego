package gonogo.items.final.pre_launch_checklist.rollback_plan_test

import data.gonogo.items.final.pre_launch_checklist.rollback_plan
import data.gonogo.lib.testing

test_passes_when_rehearsed if {
	r := rollback_plan.report with input as testing.documents_snapshot({
		"rollback": [
			testing.document("rollback", "docs/rollback.md", {"steps": 4, "last_tested": "2026-10-20"}),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "rehearsed 2026-10-20")
}

test_fails_when_not_rehearsed if {
	r := rollback_plan.report with input as testing.documents_snapshot({
		"rollback": [
			testing.document("rollback", "docs/rollback.md", {"steps": 4}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "rehearsed")
}

test_fails_when_missing if {
	r := rollback_plan.report with input as testing.documents_snapshot({})
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
