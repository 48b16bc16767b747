package gonogo.items.backup.disaster_recovery_plan.failover_testing_test

import data.gonogo.items.backup.disaster_recovery_plan.failover_testing

test_pending_without_evidence if {
	r := failover_testing.report with input as {}
	r.verdict == "pending"
}
