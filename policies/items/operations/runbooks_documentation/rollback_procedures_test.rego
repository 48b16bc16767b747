package gonogo.items.operations.runbooks_documentation.rollback_procedures_test

import data.gonogo.items.operations.runbooks_documentation.rollback_procedures
import data.gonogo.lib.testing

test_passes_when_documented_and_rehearsed if {
	r := rollback_procedures.report with input as testing.documents_snapshot({
		"rollback": [
			testing.document("rollback", "docs/rollback.md", {"steps": 4, "last_tested": "2026-09-15"}),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "rehearsed 2026-09-15")
}

test_fails_when_not_rehearsed if {
	r := rollback_procedures.report with input as testing.documents_snapshot({
		"rollback": [
			testing.document("rollback", "docs/rollback.md", {"steps": 4}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "rehearsed")
}

test_fails_when_missing if {
	r := rollback_procedures.report with input as testing.documents_snapshot({})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no rollback procedure found")
}

test_pending_without_documents_collector if {
	r := rollback_procedures.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
