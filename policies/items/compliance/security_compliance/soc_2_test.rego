package gonogo.items.compliance.security_compliance.soc_2_test

import data.gonogo.items.compliance.security_compliance.soc_2

test_pending_without_evidence if {
	r := soc_2.report with input as {}
	r.verdict == "pending"
}
