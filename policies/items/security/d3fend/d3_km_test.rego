package gonogo.items.security.d3fend.d3_km_test

import data.gonogo.items.security.d3fend.d3_km

test_pending_without_evidence if {
	r := d3_km.report with input as {}
	r.verdict == "pending"
}
