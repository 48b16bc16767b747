package gonogo.items.backup.backup_strategy.backup_testing_test

import data.gonogo.items.backup.backup_strategy.backup_testing

test_pending_without_evidence if {
	r := backup_testing.report with input as {}
	r.verdict == "pending"
}
