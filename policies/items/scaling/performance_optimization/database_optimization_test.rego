package gonogo.items.scaling.performance_optimization.database_optimization_test

import data.gonogo.items.scaling.performance_optimization.database_optimization

test_pending_without_evidence if {
	r := database_optimization.report with input as {}
	r.verdict == "pending"
}
