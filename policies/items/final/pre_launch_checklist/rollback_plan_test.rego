package gonogo.items.final.pre_launch_checklist.rollback_plan_test

import data.gonogo.items.final.pre_launch_checklist.rollback_plan

test_pending_without_evidence if {
	r := rollback_plan.report with input as {}
	r.verdict == "pending"
}
