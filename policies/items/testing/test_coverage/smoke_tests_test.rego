package gonogo.items.testing.test_coverage.smoke_tests_test

import data.gonogo.items.testing.test_coverage.smoke_tests

test_pending_without_evidence if {
	r := smoke_tests.report with input as {}
	r.verdict == "pending"
}
