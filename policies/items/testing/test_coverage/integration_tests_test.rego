package gonogo.items.testing.test_coverage.integration_tests_test

import data.gonogo.items.testing.test_coverage.integration_tests
import data.gonogo.lib.testing

counts(passed, failed, failing) := {
	"tests": passed + failed, "passed": passed, "failed": failed, "errored": 0, "skipped": 0,
	"failing": failing, "reports": ["junit.xml"],
}

subjects_passing[s] := counts(6, 0, []) if {
	some s in ["api", "database", "gpu", "saas", "security", "monitoring"]
}

input_with(kind) := {"quality": {"tests": {
	"reports": {"junit.xml": {}}, "unreadable": [],
	"kinds": {"integration": kind},
}}}

passing_kind := object.union(counts(36, 0, []), {"subjects": subjects_passing})

test_passes_with_36_passing_tests_on_every_subject if {
	r := integration_tests.report with input as input_with(passing_kind)
	r.verdict == "pass"
	message := testing.criterion(r, "API endpoint integration verified").message
	contains(message, "6 integration tests on API endpoints passed; 36 integration tests passed >= 36")
}

test_fails_every_criterion_below_36_passing if {
	r := integration_tests.report with input as input_with(object.union(passing_kind, {"passed": 35, "tests": 35}))
	r.verdict == "fail"
	every c in r.criteria {
		c.verdict == "fail"
		contains(c.message, "integration tests: 35 passed < 36 (junit.xml)")
	}
}

test_fails_database_when_a_database_test_fails if {
	kind := object.union(passing_kind, {
		"failed": 1, "failing": ["test_db[3]"],
		"subjects": object.union(subjects_passing, {"database": counts(5, 1, ["test_db[3]"])}),
	})
	r := integration_tests.report with input as input_with(kind)
	c := testing.criterion(r, "Database integration validated")
	c.verdict == "fail"
	contains(c.message, "integration tests on the database: 1 failed, 0 errored: test_db[3]")
}

test_fails_when_no_monitoring_test if {
	kind := json.patch(passing_kind, [{"op": "remove", "path": "/subjects/monitoring"}])
	r := integration_tests.report with input as input_with(kind)
	c := testing.criterion(r, "Monitoring integration verified")
	c.verdict == "fail"
	c.message == "no integration test on monitoring"
	testing.criterion(r, "Security integration tested").verdict == "pass"
}

test_gpu_not_required_when_context_has_no_gpu if {
	kind := json.patch(passing_kind, [{"op": "remove", "path": "/subjects/gpu"}])
	with_gpu := integration_tests.report with input as input_with(kind)
	contains(testing.criterion(with_gpu, "GPU/SaaS integration confirmed").message, "no integration test on GPU")
	without_gpu := integration_tests.report with input as object.union(input_with(kind), {"context": {"uses_gpu": false}})
	testing.criterion(without_gpu, "GPU/SaaS integration confirmed").verdict == "pass"
}

test_threshold_from_settings if {
	r := integration_tests.report with input as object.union(
		input_with(object.union(passing_kind, {"passed": 12, "tests": 12})),
		{"settings": {"thresholds": {"tests.integration_passed": 10}}},
	)
	r.verdict == "pass"
}

test_pending_without_evidence if {
	r := integration_tests.report with input as {}
	r.verdict == "pending"
	every c in r.criteria {
		c.verdict == "pending"
	}
}

test_error_when_a_junit_report_is_unreadable if {
	r := integration_tests.report with input as {"quality": {"tests": {"unreadable": ["junit.xml"], "kinds": {}}}}
	r.verdict == "error"
}

test_messages_quote_the_classification_settings if {
	settings := {"settings": {"thresholds": {"tests.subject.api": "endpoint,route", "tests.kind.integration": "tests/it/*"}}}
	r := integration_tests.report with input as object.union(input_with(passing_kind), settings)
	c := testing.criterion(r, "API endpoint integration verified")
	c.verdict == "pass"
	contains(c.message, `6 integration tests on API endpoints (tests.subject.api "endpoint,route") passed`)
	endswith(c.message, `(junit.xml); integration tests by tests.kind.integration "tests/it/*"`)
}
