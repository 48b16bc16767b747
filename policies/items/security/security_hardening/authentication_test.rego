package gonogo.items.security.security_hardening.authentication_test

import data.gonogo.items.security.security_hardening.authentication

test_pending_without_evidence if {
	r := authentication.report with input as {}
	r.verdict == "pending"
}
