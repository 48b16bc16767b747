package gonogo.items.security.d3fend.d3_rac_test

import data.gonogo.items.security.d3fend.d3_rac

test_pending_without_evidence if {
	r := d3_rac.report with input as {}
	r.verdict == "pending"
}
