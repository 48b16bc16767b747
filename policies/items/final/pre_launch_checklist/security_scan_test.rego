package gonogo.items.final.pre_launch_checklist.security_scan_test

import data.gonogo.items.final.pre_launch_checklist.security_scan

test_pending_without_evidence if {
	r := security_scan.report with input as {}
	r.verdict == "pending"
}
