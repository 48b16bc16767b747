package gonogo.items.final.pre_launch_checklist.communication_plan_test

import data.gonogo.items.final.pre_launch_checklist.communication_plan

test_pending_without_evidence if {
	r := communication_plan.report with input as {}
	r.verdict == "pending"
}
