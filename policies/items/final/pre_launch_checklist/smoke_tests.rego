# METADATA
# title: "Smoke Tests: All passing in production"
# description: >-
#   Checklist item 10.1.4 (10.1 Pre-Launch Checklist). Decided from JUnit smoke-test runs recorded
#   against production (testsuite property environment=production, or production/prod in the
#   report's path): at least one such run exists, and every one has passing tests and no failure.
# custom:
#   id: "10.1.4"
#   section: "10.1 Pre-Launch Checklist"
#   severity: high
#   criteria:
#     - "All passing in production"
#   evidence:
#     - quality.tests
#   remediation: >-
#     Run the smoke suite against production, record the environment in the JUnit report
#     (pytest: record_testsuite_property("environment", "production")) and fix what fails.
package gonogo.items.final.pre_launch_checklist.smoke_tests

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

criteria["All passing in production"] := production_smoke

smoke_runs := input.quality.tests.smoke_runs

# METADATA
# description: Smoke runs recorded against production.
production_runs[ref] := run if {
	some ref, run in smoke_runs
	run.production
}

production_refs := sort([ref | some ref, _ in production_runs])

unreadable := input.quality.tests.unreadable

# METADATA
# description: Production smoke runs with failures, errors or no passing test.
# scope: document
problems contains msg if {
	some ref, run in production_runs
	run.failed + run.errored > 0
	msg := sprintf("%s: %d failed, %d errored of %d: %s", [ref, run.failed, run.errored, run.tests, concat(", ", run.failing)])
}

problems contains sprintf("%s: no smoke test passed (%d skipped of %d)", [ref, run.skipped, run.tests]) if {
	some ref, run in production_runs
	run.passed == 0
}

production_smoke := result.pending("smoke-test results from production") if {
	not input.quality.tests
} else := result.error(sprintf("JUnit report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.nothing("smoke-test results (JUnit reports with smoke tests)") if {
	count(smoke_runs) == 0
} else := result.fail(
	sprintf(
		"no smoke run recorded against production: %s",
		[concat(", ", sort([sprintf("%s (environment %v)", [ref, run.environment]) | some ref, run in smoke_runs]))],
	),
	sort([ref | some ref, _ in smoke_runs]),
) if {
	count(production_runs) == 0
} else := result.fail(concat("; ", sort(problems)), production_refs) if {
	count(problems) > 0
} else := result.pass(
	concat("; ", [sprintf("%s: %d of %d smoke tests passed in %s", [ref, run.passed, run.tests, run.environment]) |
		some ref in production_refs
		run := production_runs[ref]
	]),
	production_refs,
)
