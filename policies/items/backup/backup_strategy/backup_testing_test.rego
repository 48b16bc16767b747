package gonogo.items.backup.backup_strategy.backup_testing_test

import data.gonogo.items.backup.backup_strategy.backup_testing

test_fails_when_restore_procedure_missing if {
	r := backup_testing.report with input as {"metadata": {"created_at": "2026-11-01T00:00:00Z"}, "operations": {"documents": {}}}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no restore procedure found")
}

test_pending_when_procedure_documented_but_untested if {
	r := backup_testing.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"restore_procedure": [
					{
						"path": "docs/restore.md",
						"title": "restore_procedure",
						"provenance": {
							"collector": "documents",
							"file": "docs/restore.md",
							"ref": "docs/restore.md:1",
						},
						"steps": 5,
					},
				],
			},
		},
	}
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
