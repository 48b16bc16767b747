package gonogo.items.testing.performance_validation.throughput_targets_achieved_test

import data.gonogo.items.testing.performance_validation.throughput_targets_achieved

test_pending_without_evidence if {
	r := throughput_targets_achieved.report with input as {}
	r.verdict == "pending"
}
