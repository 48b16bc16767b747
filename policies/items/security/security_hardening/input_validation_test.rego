package gonogo.items.security.security_hardening.input_validation_test

import data.gonogo.items.security.security_hardening.input_validation

test_pending_without_evidence if {
	r := input_validation.report with input as {}
	r.verdict == "pending"
}
