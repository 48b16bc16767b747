package gonogo.items.backup.backup_strategy.application_state_test

import data.gonogo.items.backup.backup_strategy.application_state

test_pending_without_evidence if {
	r := application_state.report with input as {}
	r.verdict == "pending"
}
