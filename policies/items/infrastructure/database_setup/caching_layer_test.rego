package gonogo.items.infrastructure.database_setup.caching_layer_test

import data.gonogo.items.infrastructure.database_setup.caching_layer

test_pending_without_evidence if {
	r := caching_layer.report with input as {}
	r.verdict == "pending"
}
