package gonogo.items.backup.disaster_recovery_plan.dr_runbook_created_test

import data.gonogo.items.backup.disaster_recovery_plan.dr_runbook_created

test_pending_without_evidence if {
	r := dr_runbook_created.report with input as {}
	r.verdict == "pending"
}
