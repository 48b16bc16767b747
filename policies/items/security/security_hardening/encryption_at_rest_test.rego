package gonogo.items.security.security_hardening.encryption_at_rest_test

import data.gonogo.items.security.security_hardening.encryption_at_rest

test_pending_without_evidence if {
	r := encryption_at_rest.report with input as {}
	r.verdict == "pending"
}
