package gonogo.items.operations.team_preparedness.on_call_rotation_test

import data.gonogo.items.operations.team_preparedness.on_call_rotation
import data.gonogo.lib.testing

test_passes_with_schedule_heading if {
	r := on_call_rotation.report with input as testing.documents_snapshot({
		"on_call": [
			testing.document("on_call", "docs/on-call.md", {"headings": ["on-call", "rotation schedule"]}),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "rotation schedule")
}

test_fails_without_schedule_heading if {
	r := on_call_rotation.report with input as testing.documents_snapshot({
		"on_call": [
			testing.document("on_call", "docs/on-call.md", {"headings": ["on-call", "tools"]}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no heading matching")
}

test_fails_when_missing if {
	r := on_call_rotation.report with input as testing.documents_snapshot({})
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
