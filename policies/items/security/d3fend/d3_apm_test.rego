package gonogo.items.security.d3fend.d3_apm_test

import data.gonogo.items.security.d3fend.d3_apm

test_pending_without_evidence if {
	r := d3_apm.report with input as {}
	r.verdict == "pending"
}
