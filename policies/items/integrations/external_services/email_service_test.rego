package gonogo.items.integrations.external_services.email_service_test

import data.gonogo.items.integrations.external_services.email_service

test_pending_without_evidence if {
	r := email_service.report with input as {}
	r.verdict == "pending"
}
