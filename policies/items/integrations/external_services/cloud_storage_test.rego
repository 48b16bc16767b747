package gonogo.items.integrations.external_services.cloud_storage_test

import data.gonogo.items.integrations.external_services.cloud_storage

test_not_applicable_when_context_says_no if {
	r := cloud_storage.report with input as {"context": {"uses_cloud_storage": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.uses_cloud_storage is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := cloud_storage.report with input as {"context": {"uses_cloud_storage": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := cloud_storage.report with input as {}
	r.verdict == "pending"
}
