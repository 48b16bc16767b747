package gonogo.items.scaling.performance_optimization.connection_pooling_test

import data.gonogo.items.scaling.performance_optimization.connection_pooling

test_pending_without_evidence if {
	r := connection_pooling.report with input as {}
	r.verdict == "pending"
}
