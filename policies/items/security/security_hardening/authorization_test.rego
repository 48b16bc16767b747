package gonogo.items.security.security_hardening.authorization_test

import data.gonogo.items.security.security_hardening.authorization

test_pending_without_evidence if {
	r := authorization.report with input as {}
	r.verdict == "pending"
}
