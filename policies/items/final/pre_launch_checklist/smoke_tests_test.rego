package gonogo.items.final.pre_launch_checklist.smoke_tests_test

import data.gonogo.items.final.pre_launch_checklist.smoke_tests

test_pending_without_evidence if {
	r := smoke_tests.report with input as {}
	r.verdict == "pending"
}
