package gonogo.items.backup.backup_strategy.database_backups_test

import data.gonogo.items.backup.backup_strategy.database_backups

test_pending_without_evidence if {
	r := database_backups.report with input as {}
	r.verdict == "pending"
}
