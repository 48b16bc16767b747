package gonogo.items.compliance.terms_policies.terms_of_service_test

import data.gonogo.items.compliance.terms_policies.terms_of_service

test_pending_without_evidence if {
	r := terms_of_service.report with input as {}
	r.verdict == "pending"
}
