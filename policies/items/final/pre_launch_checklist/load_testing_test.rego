package gonogo.items.final.pre_launch_checklist.load_testing_test

import data.gonogo.items.final.pre_launch_checklist.load_testing

test_pending_without_evidence if {
	r := load_testing.report with input as {}
	r.verdict == "pending"
}
