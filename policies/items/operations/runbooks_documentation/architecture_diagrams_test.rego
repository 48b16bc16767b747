package gonogo.items.operations.runbooks_documentation.architecture_diagrams_test

import data.gonogo.items.operations.runbooks_documentation.architecture_diagrams
import data.gonogo.lib.testing

test_passes_with_recent_reviewed_diagram if {
	r := architecture_diagrams.report with input as testing.documents_snapshot({
		"architecture": [
			testing.document("architecture", "docs/architecture.md", {
				"diagrams": 2,
				"last_reviewed": "2026-08-01",
			}),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "2 diagram(s)")
}

test_fails_without_diagram if {
	r := architecture_diagrams.report with input as testing.documents_snapshot({
		"architecture": [
			testing.document("architecture", "docs/architecture.md", {
				"diagrams": 0,
				"last_reviewed": "2026-08-01",
			}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no diagram")
}

test_fails_when_review_stale if {
	r := architecture_diagrams.report with input as testing.documents_snapshot({
		"architecture": [
			testing.document("architecture", "docs/architecture.md", {
				"diagrams": 1,
				"last_reviewed": "2025-06-01",
			}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "days ago >")
}

test_fails_when_never_reviewed if {
	r := architecture_diagrams.report with input as testing.documents_snapshot({
		"architecture": [
			testing.document("architecture", "docs/architecture.md", {"diagrams": 1}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "reviewed")
}

test_nothing_to_judge_when_missing if {
	r := architecture_diagrams.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	some c in r.criteria
	startswith(c.message, "no architecture document")
	endswith(c.message, " collected")
}

test_pending_without_documents_collector if {
	r := architecture_diagrams.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
