package gonogo.items.security.d3fend.d3_uac_test

import data.gonogo.items.security.d3fend.d3_uac

test_pending_without_evidence if {
	r := d3_uac.report with input as {}
	r.verdict == "pending"
}
