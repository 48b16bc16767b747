package gonogo.items.testing.test_coverage.unit_tests_test

import data.gonogo.items.testing.test_coverage.unit_tests
import data.gonogo.lib.testing

report_full := {
	"format": "cobertura", "lines_total": 100, "lines_covered": 99, "line_percent": 99.0,
	"branch_measured": true, "branches_total": 20, "branches_covered": 20, "branch_percent": 100.0,
	"packages": {}, "core_modules": {"app.core": {"found": true, "line_percent": 100.0, "lines_total": 40, "lines_covered": 40}},
	"provenance": {"collector": "reports", "file": "coverage.xml", "ref": "coverage.xml"},
}

mocks_passing := {"tests": 3, "passed": 3, "failed": 0, "errored": 0, "skipped": 0, "failing": [], "reports": ["junit.xml"]}

tests_with(mocks) := {"reports": {"junit.xml": {}}, "subjects": {"mock": mocks}, "unreadable": []}

input_with(coverage_report, mocks) := {"quality": {
	"coverage": {"reports": {"coverage.xml": coverage_report}, "core_modules": ["app.core"], "unreadable": []},
	"tests": tests_with(mocks),
}}

test_passes_with_full_coverage_and_passing_mock_tests if {
	r := unit_tests.report with input as input_with(report_full, mocks_passing)
	r.verdict == "pass"
	contains(testing.criterion(r, "All core modules tested").message, "core modules app.core each >= 97.4 %")
	contains(testing.criterion(r, "Mock services validated").message, "3 mock tests passed (junit.xml)")
}

test_fails_when_core_module_below_threshold if {
	low := json.patch(report_full, [{"op": "replace", "path": "/core_modules/app.core/line_percent", "value": 61.5}])
	r := unit_tests.report with input as input_with(low, mocks_passing)
	r.verdict == "fail"
	c := testing.criterion(r, "All core modules tested")
	c.verdict == "fail"
	contains(c.message, "core module app.core 61.5 % < 97.4 % (coverage.xml)")
}

test_fails_when_core_module_missing_from_report if {
	absent := {"found": false, "lines_total": 0, "lines_covered": 0, "files": 0}
	missing := json.patch(report_full, [{"op": "replace", "path": "/core_modules/app.core", "value": absent}])
	r := unit_tests.report with input as input_with(missing, mocks_passing)
	contains(testing.criterion(r, "All core modules tested").message, "core module app.core not in the report (coverage.xml)")
}

test_fails_when_total_line_coverage_below_threshold if {
	low := json.patch(report_full, [{"op": "replace", "path": "/line_percent", "value": 90.1}])
	r := unit_tests.report with input as input_with(low, mocks_passing)
	contains(testing.criterion(r, "All core modules tested").message, "line coverage 90.1 % < 97.4 % (coverage.xml)")
}

test_threshold_from_settings if {
	low := json.patch(report_full, [{"op": "replace", "path": "/line_percent", "value": 90.1}])
	r := unit_tests.report with input as object.union(input_with(low, mocks_passing), {"settings": {"thresholds": {"coverage.line_percent": 90}}})
	testing.criterion(r, "All core modules tested").verdict == "pass"
}

test_fails_edge_cases_without_branch_coverage if {
	no_branches := json.patch(report_full, [{"op": "replace", "path": "/branch_measured", "value": false}])
	r := unit_tests.report with input as input_with(no_branches, mocks_passing)
	c := testing.criterion(r, "Edge cases covered")
	c.verdict == "fail"
	contains(c.message, "no branch coverage measured (coverage.xml)")
}

test_fails_edge_cases_with_low_branch_coverage if {
	low := json.patch(report_full, [{"op": "replace", "path": "/branch_percent", "value": 7.14}])
	r := unit_tests.report with input as input_with(low, mocks_passing)
	contains(testing.criterion(r, "Edge cases covered").message, "branch coverage 7.14 % < 97.4 % (coverage.xml)")
}

test_fails_when_a_mock_test_fails if {
	failing := {"tests": 3, "passed": 2, "failed": 1, "errored": 0, "skipped": 0, "failing": ["test_gateway"], "reports": ["junit.xml"]}
	r := unit_tests.report with input as input_with(report_full, failing)
	c := testing.criterion(r, "Mock services validated")
	c.verdict == "fail"
	contains(c.message, "mock tests: 1 failed, 0 errored of 3: test_gateway (junit.xml)")
}

test_fails_when_no_mock_tests if {
	r := unit_tests.report with input as {"quality": {
		"coverage": {"reports": {"coverage.xml": report_full}, "core_modules": [], "unreadable": []},
		"tests": {"reports": {"junit.xml": {}}, "subjects": {}, "unreadable": []},
	}}
	contains(testing.criterion(r, "Mock services validated").message, "no test exercising mocks, fakes or stubs in 1 JUnit report(s)")
}

test_nothing_to_judge_when_no_coverage_report_found if {
	r := unit_tests.report with input as {"quality": {"coverage": {"reports": {}, "core_modules": [], "unreadable": []}}}
	c := testing.criterion(r, "All core modules tested")
	c.verdict == "pending"
	c.message == "no coverage report (Cobertura, JaCoCo, coverage.py JSON or LCOV) collected"
	testing.criterion(r, "Mock services validated").verdict == "pending"
}

test_error_when_a_coverage_report_is_unreadable if {
	coverage := {"reports": {"coverage.xml": report_full}, "core_modules": [], "unreadable": ["lcov.info"]}
	r := unit_tests.report with input as {"quality": {"coverage": coverage}}
	r.verdict == "error"
	contains(testing.criterion(r, "All core modules tested").message, "lcov.info")
}

test_pending_without_evidence if {
	r := unit_tests.report with input as {}
	r.verdict == "pending"
	contains(testing.criterion(r, "All core modules tested").message, "coverage report")
}

test_fail_evidence_names_only_the_failing_report if {
	low := json.patch(report_full, [
		{"op": "replace", "path": "/line_percent", "value": 44.12},
		{"op": "replace", "path": "/provenance/ref", "value": "partial/coverage.json"},
	])
	coverage := {"reports": {"coverage.xml": report_full, "partial/coverage.json": low}, "core_modules": [], "unreadable": []}
	r := unit_tests.report with input as {"quality": {"coverage": coverage}}
	c := testing.criterion(r, "All core modules tested")
	c.verdict == "fail"
	c.evidence == ["partial/coverage.json"]
	c.message == "line coverage 44.12 % < 97.4 % (partial/coverage.json)"
}

test_pass_message_says_where_core_modules_came_from if {
	named := unit_tests.report with input as object.union(
		input_with(report_full, mocks_passing),
		{"settings": {"thresholds": {"coverage.core_modules": "app.core"}}},
	)
	contains(testing.criterion(named, "All core modules tested").message, `named by coverage.core_modules "app.core"`)
	unset := unit_tests.report with input as input_with(report_full, mocks_passing)
	contains(testing.criterion(unset, "All core modules tested").message, "every package counted as core (coverage.core_modules unset)")
}
