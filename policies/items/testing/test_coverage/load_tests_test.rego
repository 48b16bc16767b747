package gonogo.items.testing.test_coverage.load_tests_test

import data.gonogo.items.testing.test_coverage.load_tests

test_pending_without_evidence if {
	r := load_tests.report with input as {}
	r.verdict == "pending"
}
