package gonogo.items.compliance.data_privacy.ccpa_compliance_test

import data.gonogo.items.compliance.data_privacy.ccpa_compliance

test_pending_without_evidence if {
	r := ccpa_compliance.report with input as {}
	r.verdict == "pending"
}
