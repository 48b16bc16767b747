package gonogo.items.integrations.external_services.cloud_storage_test

import data.gonogo.items.integrations.external_services.cloud_storage

test_pending_without_evidence if {
	r := cloud_storage.report with input as {}
	r.verdict == "pending"
}
