package gonogo.items.final.pre_launch_checklist.maintenance_window_test

import data.gonogo.items.final.pre_launch_checklist.maintenance_window

test_pending_without_evidence if {
	r := maintenance_window.report with input as {}
	r.verdict == "pending"
}
