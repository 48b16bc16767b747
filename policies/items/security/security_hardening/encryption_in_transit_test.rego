package gonogo.items.security.security_hardening.encryption_in_transit_test

import data.gonogo.items.security.security_hardening.encryption_in_transit

test_pending_without_evidence if {
	r := encryption_in_transit.report with input as {}
	r.verdict == "pending"
}
