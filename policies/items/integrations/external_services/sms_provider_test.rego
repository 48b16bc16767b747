package gonogo.items.integrations.external_services.sms_provider_test

import data.gonogo.items.integrations.external_services.sms_provider

test_pending_without_evidence if {
	r := sms_provider.report with input as {}
	r.verdict == "pending"
}
