package gonogo.items.scaling.performance_optimization.cdn_configuration_test

import data.gonogo.items.scaling.performance_optimization.cdn_configuration

test_pending_without_evidence if {
	r := cdn_configuration.report with input as {}
	r.verdict == "pending"
}
