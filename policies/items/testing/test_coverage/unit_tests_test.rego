package gonogo.items.testing.test_coverage.unit_tests_test

import data.gonogo.items.testing.test_coverage.unit_tests

test_pending_without_evidence if {
	r := unit_tests.report with input as {}
	r.verdict == "pending"
}
