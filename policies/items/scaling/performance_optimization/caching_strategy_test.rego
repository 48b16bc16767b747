package gonogo.items.scaling.performance_optimization.caching_strategy_test

import data.gonogo.items.scaling.performance_optimization.caching_strategy

test_pending_without_evidence if {
	r := caching_strategy.report with input as {}
	r.verdict == "pending"
}
