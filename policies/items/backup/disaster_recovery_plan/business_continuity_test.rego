package gonogo.items.backup.disaster_recovery_plan.business_continuity_test

import data.gonogo.items.backup.disaster_recovery_plan.business_continuity

test_pending_without_evidence if {
	r := business_continuity.report with input as {}
	r.verdict == "pending"
}
