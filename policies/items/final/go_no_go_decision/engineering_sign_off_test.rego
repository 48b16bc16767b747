package gonogo.items.final.go_no_go_decision.engineering_sign_off_test

import data.gonogo.items.final.go_no_go_decision.engineering_sign_off

test_pending_without_evidence if {
	r := engineering_sign_off.report with input as {}
	r.verdict == "pending"
}
