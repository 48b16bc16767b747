package gonogo.items.integrations.external_services.sms_provider_test

import data.gonogo.items.integrations.external_services.sms_provider

test_not_applicable_when_context_says_no if {
	r := sms_provider.report with input as {"context": {"sends_sms": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.sends_sms is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := sms_provider.report with input as {"context": {"sends_sms": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := sms_provider.report with input as {}
	r.verdict == "pending"
}
