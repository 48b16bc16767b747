# METADATA
# title: "Unit Tests: 97.4% coverage achieved"
# description: >-
#   Checklist item 1.1.1 (1.1 Test Coverage). Decided from every coverage report found (Cobertura,
#   JaCoCo, coverage.py JSON, LCOV): total line coverage and each core module's line coverage
#   (thresholds coverage.core_modules; every package when unset) against coverage.line_percent and
#   coverage.core_module_percent, branch coverage against coverage.branch_percent; and from JUnit
#   results for the tests that exercise mocks, fakes or stubs.
# custom:
#   id: "1.1.1"
#   section: "1.1 Test Coverage"
#   severity: critical
#   criteria:
#     - "All core modules tested"
#     - "Edge cases covered"
#     - "Mock services validated"
#   evidence:
#     - quality.coverage
#     - quality.tests
#   remediation: >-
#     Publish the coverage report of the unit-test run (coverage.py `coverage xml`/`json`, JaCoCo,
#     LCOV) with branch coverage on, name the core modules in gonogo.yaml
#     (thresholds: {coverage.core_modules: "app.core,app.billing"}), cover them to the threshold,
#     and keep the JUnit results of the tests that validate mocked services.
#   thresholds:
#     - name: coverage.line_percent
#       default: 97.4
#       unit: percent
#       description: Lowest line coverage accepted.
#     - name: coverage.core_module_percent
#       default: 97.4
#       unit: percent
#       description: Lowest line coverage of each core module accepted.
#     - name: coverage.branch_percent
#       default: 97.4
#       unit: percent
#       description: Lowest branch coverage accepted.
#     - name: coverage.core_modules
#       default: ""
#       unit: pattern
#       description: Which modules are core (empty means decided from the report).
#     - name: tests.subject.mock
#       default: ""
#       unit: pattern
#       description: Which tests are mock tests (empty means by name).
package gonogo.items.testing.test_coverage.unit_tests

import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

criteria["All core modules tested"] := core_modules_tested

criteria["Edge cases covered"] := edge_cases_covered

criteria["Mock services validated"] := mock_services_validated

line_threshold := result.threshold("coverage.line_percent", 97.4)

core_threshold := result.threshold("coverage.core_module_percent", 97.4)

branch_threshold := result.threshold("coverage.branch_percent", 97.4)

coverage_reports := input.quality.coverage.reports

coverage_refs := sort([r.provenance.ref | some r in coverage_reports])

# METADATA
# description: Total line coverage of each report and the line coverage of each core module in it.
# scope: document
line_problems contains {"ref": ref, "text": sprintf("line coverage %v %% < %v %% (%s)", [r.line_percent, line_threshold, ref])} if {
	some ref, r in coverage_reports
	r.line_percent < line_threshold
}

line_problems contains {"ref": ref, "text": sprintf("no measured lines (%s)", [ref])} if {
	some ref, r in coverage_reports
	not r.line_percent
}

line_problems contains {"ref": ref, "text": sprintf("core module %s not in the report (%s)", [name, ref])} if {
	some ref, r in coverage_reports
	some name, module in r.core_modules
	not module.found
}

line_problems contains {"ref": ref, "text": sprintf("core module %s %v %% < %v %% (%s)", [name, module.line_percent, core_threshold, ref])} if {
	some ref, r in coverage_reports
	some name, module in r.core_modules
	module.line_percent < core_threshold
}

line_problems contains {"ref": ref, "text": sprintf("core module %s has no measured lines (%s)", [name, ref])} if {
	some ref, r in coverage_reports
	some name, module in r.core_modules
	module.found
	not module.line_percent
}

core_names := concat(", ", sort({name | some r in coverage_reports; some name, _ in r.core_modules}))

# METADATA
# description: Where the list of core modules came from (the collector reads the same setting).
core_modules_from := "every package counted as core (coverage.core_modules unset)" if {
	result.threshold("coverage.core_modules", "") == ""
} else := sprintf("named by coverage.core_modules %q", [result.threshold("coverage.core_modules", "")])

core_modules_tested := result.pending("a coverage report (Cobertura, JaCoCo, coverage.py JSON or LCOV)") if {
	not input.quality.coverage
} else := result.error(
	sprintf("coverage report(s) recognised but unreadable: %s", [concat(", ", input.quality.coverage.unreadable)]),
	input.quality.coverage.unreadable,
) if {
	count(input.quality.coverage.unreadable) > 0
} else := result.nothing("coverage report (Cobertura, JaCoCo, coverage.py JSON or LCOV)") if {
	count(coverage_reports) == 0
} else := result.fail(concat("; ", sort([p.text | some p in line_problems])), sort({p.ref | some p in line_problems})) if {
	count(line_problems) > 0
} else := result.pass(
	sprintf(
		"line coverage >= %v %% in %d report(s); core modules %s each >= %v %%, %s (%s)",
		[line_threshold, count(coverage_reports), core_names, core_threshold, core_modules_from, concat(", ", coverage_refs)],
	),
	coverage_refs,
) if {
	count(coverage_reports) > 0
}

# METADATA
# description: Branch coverage of each report, which must be measured and at least the threshold.
# scope: document
branch_problems contains {"ref": ref, "text": sprintf("no branch coverage measured (%s)", [ref])} if {
	some ref, r in coverage_reports
	not r.branch_measured
}

branch_problems contains {"ref": ref, "text": sprintf("branch coverage %v %% < %v %% (%s)", [r.branch_percent, branch_threshold, ref])} if {
	some ref, r in coverage_reports
	r.branch_measured
	r.branch_percent < branch_threshold
}

edge_cases_covered := result.pending("a coverage report with branch coverage") if {
	not input.quality.coverage
} else := result.error(
	sprintf("coverage report(s) recognised but unreadable: %s", [concat(", ", input.quality.coverage.unreadable)]),
	input.quality.coverage.unreadable,
) if {
	count(input.quality.coverage.unreadable) > 0
} else := result.nothing("coverage report (Cobertura, JaCoCo, coverage.py JSON or LCOV)") if {
	count(coverage_reports) == 0
} else := result.fail(concat("; ", sort([p.text | some p in branch_problems])), sort({p.ref | some p in branch_problems})) if {
	count(branch_problems) > 0
} else := result.pass(
	sprintf("branch coverage >= %v %% in %d report(s) (%s)", [branch_threshold, count(coverage_reports), concat(", ", coverage_refs)]),
	coverage_refs,
) if {
	count(coverage_reports) > 0
}

mocks := input.quality.tests.subjects.mock

# METADATA
# description: How mock tests are named in messages, with the words gonogo.yaml set for them (tests.subject.mock).
mock_label := "mock tests" if {
	result.threshold("tests.subject.mock", "") == ""
} else := sprintf("mock tests (tests.subject.mock %q)", [result.threshold("tests.subject.mock", "")])

mock_services_validated := result.pending("JUnit test results") if {
	not input.quality.tests
} else := result.error(
	sprintf("JUnit report(s) recognised but unreadable: %s", [concat(", ", input.quality.tests.unreadable)]),
	input.quality.tests.unreadable,
) if {
	count(input.quality.tests.unreadable) > 0
} else := result.nothing("JUnit report") if {
	count(input.quality.tests.reports) == 0
} else := result.fail(
	sprintf("no test exercising mocks, fakes or stubs in %d JUnit report(s)", [count(input.quality.tests.reports)]),
	sort([ref | some ref, _ in input.quality.tests.reports]),
) if {
	input.quality.tests
	not mocks
} else := result.fail(
	sprintf(
		"%s: %d failed, %d errored of %d: %s (%s)",
		[mock_label, mocks.failed, mocks.errored, mocks.tests, concat(", ", mocks.failing), concat(", ", mocks.reports)],
	),
	mocks.reports,
) if {
	mocks.failed + mocks.errored > 0
} else := result.fail(sprintf("%s: none passed of %d (%s)", [mock_label, mocks.tests, concat(", ", mocks.reports)]), mocks.reports) if {
	mocks.passed == 0
} else := result.pass(sprintf("%d %s passed (%s)", [mocks.passed, mock_label, concat(", ", mocks.reports)]), mocks.reports) if {
	mocks.passed > 0
}
