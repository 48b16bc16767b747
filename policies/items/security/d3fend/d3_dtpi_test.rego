package gonogo.items.security.d3fend.d3_dtpi_test

import data.gonogo.items.security.d3fend.d3_dtpi

test_pending_without_evidence if {
	r := d3_dtpi.report with input as {}
	r.verdict == "pending"
}
