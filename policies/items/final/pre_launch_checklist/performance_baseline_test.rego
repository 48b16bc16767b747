package gonogo.items.final.pre_launch_checklist.performance_baseline_test

import data.gonogo.items.final.pre_launch_checklist.performance_baseline

test_pending_without_evidence if {
	r := performance_baseline.report with input as {}
	r.verdict == "pending"
}
