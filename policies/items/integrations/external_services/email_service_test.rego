package gonogo.items.integrations.external_services.email_service_test

import data.gonogo.items.integrations.external_services.email_service

test_not_applicable_when_context_says_no if {
	r := email_service.report with input as {"context": {"sends_email": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.sends_email is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := email_service.report with input as {"context": {"sends_email": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := email_service.report with input as {}
	r.verdict == "pending"
}
