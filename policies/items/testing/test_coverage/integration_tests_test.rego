package gonogo.items.testing.test_coverage.integration_tests_test

import data.gonogo.items.testing.test_coverage.integration_tests

test_pending_without_evidence if {
	r := integration_tests.report with input as {}
	r.verdict == "pending"
}
