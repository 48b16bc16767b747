package gonogo.items.backup.backup_strategy.backup_testing_test

import data.gonogo.items.backup.backup_strategy.backup_testing
import data.gonogo.lib.testing

test_fails_when_restore_procedure_missing if {
	r := backup_testing.report with input as testing.documents_snapshot({})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no restore procedure found")
}

test_pending_when_procedure_documented_but_untested if {
	r := backup_testing.report with input as testing.documents_snapshot({
		"restore_procedure": [
			testing.document("restore_procedure", "docs/restore.md", {"steps": 5}),
		],
	})
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "restore-test attestation")
}

test_pending_without_documents_collector if {
	r := backup_testing.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
