package gonogo.items.scaling.performance_optimization.rate_limiting_test

import data.gonogo.items.scaling.performance_optimization.rate_limiting

test_pending_without_evidence if {
	r := rate_limiting.report with input as {}
	r.verdict == "pending"
}
