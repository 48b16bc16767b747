package gonogo.items.testing.performance_validation.processing_speed_test

import data.gonogo.items.testing.performance_validation.processing_speed

test_pending_without_evidence if {
	r := processing_speed.report with input as {}
	r.verdict == "pending"
}
