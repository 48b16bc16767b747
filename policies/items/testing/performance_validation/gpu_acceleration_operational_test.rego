package gonogo.items.testing.performance_validation.gpu_acceleration_operational_test

import data.gonogo.items.testing.performance_validation.gpu_acceleration_operational

test_pending_without_evidence if {
	r := gpu_acceleration_operational.report with input as {}
	r.verdict == "pending"
}
