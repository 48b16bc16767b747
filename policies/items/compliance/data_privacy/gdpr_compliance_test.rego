package gonogo.items.compliance.data_privacy.gdpr_compliance_test

import data.gonogo.items.compliance.data_privacy.gdpr_compliance

test_pending_without_evidence if {
	r := gdpr_compliance.report with input as {}
	r.verdict == "pending"
}
