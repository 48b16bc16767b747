package gonogo.items.security.security_hardening.xss_protection_test

import data.gonogo.items.security.security_hardening.xss_protection

test_pending_without_evidence if {
	r := xss_protection.report with input as {}
	r.verdict == "pending"
}
