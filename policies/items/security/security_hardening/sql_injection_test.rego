package gonogo.items.security.security_hardening.sql_injection_test

import data.gonogo.items.security.security_hardening.sql_injection

test_pending_without_evidence if {
	r := sql_injection.report with input as {}
	r.verdict == "pending"
}
