package gonogo.items.testing.test_coverage.e2e_tests_test

import data.gonogo.items.testing.test_coverage.e2e_tests

test_pending_without_evidence if {
	r := e2e_tests.report with input as {}
	r.verdict == "pending"
}
