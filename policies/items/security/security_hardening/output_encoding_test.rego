package gonogo.items.security.security_hardening.output_encoding_test

import data.gonogo.items.security.security_hardening.output_encoding

test_pending_without_evidence if {
	r := output_encoding.report with input as {}
	r.verdict == "pending"
}
