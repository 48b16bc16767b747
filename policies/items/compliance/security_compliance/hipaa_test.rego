package gonogo.items.compliance.security_compliance.hipaa_test

import data.gonogo.items.compliance.security_compliance.hipaa

test_pending_without_evidence if {
	r := hipaa.report with input as {}
	r.verdict == "pending"
}
