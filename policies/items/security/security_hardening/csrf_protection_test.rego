package gonogo.items.security.security_hardening.csrf_protection_test

import data.gonogo.items.security.security_hardening.csrf_protection

test_pending_without_evidence if {
	r := csrf_protection.report with input as {}
	r.verdict == "pending"
}
