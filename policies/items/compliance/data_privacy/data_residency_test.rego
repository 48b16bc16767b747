package gonogo.items.compliance.data_privacy.data_residency_test

import data.gonogo.items.compliance.data_privacy.data_residency

test_pending_without_evidence if {
	r := data_residency.report with input as {}
	r.verdict == "pending"
}
