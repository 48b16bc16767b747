package gonogo.items.testing.performance_validation.memory_efficiency_test

import data.gonogo.items.testing.performance_validation.memory_efficiency

test_pending_without_evidence if {
	r := memory_efficiency.report with input as {}
	r.verdict == "pending"
}
