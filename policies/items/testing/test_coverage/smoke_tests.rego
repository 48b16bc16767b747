# METADATA
# title: "Smoke Tests: Ready for deployment"
# description: >-
#   Checklist item 1.1.5 (1.1 Test Coverage). Decided from JUnit results classified as smoke tests
#   (smoke or sanity in the suite name or path, a marker, or the tests.kind.smoke mapping): the
#   health-check tests and the critical-user-flow tests among them all pass, and no smoke test fails.
# custom:
#   id: "1.1.5"
#   section: "1.1 Test Coverage"
#   severity: critical
#   criteria:
#     - "Health check endpoints functional"
#     - "Critical user flows validated"
#   evidence:
#     - quality.tests
#   remediation: >-
#     Publish the JUnit XML of the smoke suite (tests of the health endpoints and of the critical
#     flows such as login and checkout), fix what fails, and keep the suite named smoke (or map it
#     with tests.kind.smoke).
#   thresholds:
#     - name: tests.subject.health
#       default: ""
#       unit: pattern
#       description: Which smoke tests check health endpoints (empty means by name).
#     - name: tests.subject.critical_flow
#       default: ""
#       unit: pattern
#       description: Which smoke tests cover critical user flows (empty means by name).
#     - name: tests.kind.smoke
#       default: ""
#       unit: pattern
#       description: Which tests are smoke tests (empty means by name).
package gonogo.items.testing.test_coverage.smoke_tests

import data.gonogo.lib.result
import data.gonogo.lib.test_results

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

criteria["Health check endpoints functional"] := decide(
	tests,
	run_problems | subject_problems(kind, "health", labels.health),
	subject_message(kind, "health", labels.health, totals_message),
	kind.reports,
)

criteria["Critical user flows validated"] := decide(
	tests,
	run_problems | subject_problems(kind, "critical_flow", labels.critical_flow),
	subject_message(kind, "critical_flow", labels.critical_flow, totals_message),
	kind.reports,
)

tests := object.get(input, ["quality", "tests"], null)

kind := object.get(
	input,
	["quality", "tests", "kinds", "smoke"],
	{"tests": 0, "passed": 0, "failed": 0, "errored": 0, "failing": [], "reports": [], "subjects": {}},
)

kind_refs := concat(", ", kind.reports)

totals_message := sprintf("all %d smoke tests passed (%s)%s", [kind.tests, kind_refs, kind_note])

# METADATA
# description: A failing smoke test fails every smoke criterion; so does having none.
# scope: document
run_problems contains "no smoke tests found in the JUnit reports" if {
	kind.tests == 0
}

run_problems contains msg if {
	kind.failed + kind.errored > 0
	msg := sprintf(
		"smoke tests: %d failed, %d errored of %d: %s (%s)",
		[kind.failed, kind.errored, kind.tests, concat(", ", kind.failing), kind_refs],
	)
}

# METADATA
# description: The pass message of one subject's criterion.
subject_message(counts, subject, label, totals) := test_results.subject_message("smoke", counts, subject, label, totals)

# METADATA
# description: What is wrong with the tests of one subject in counts (a kind's counts with its subjects).
subject_problems(counts, subject, label) := test_results.subject_problems("smoke", counts, subject, label)

# METADATA
# description: pending without JUnit results or without a test of this kind, error when one was unreadable, else fail on any problem, else pass.
decide(test_results_section, problems, pass_message, refs) := test_results.decide_kind("smoke", test_results_section, problems, pass_message, refs)

# METADATA
# description: >-
#   Each subject's name in messages; when gonogo.yaml sets its words (tests.subject.<name>), they
#   are quoted next to it, so a reader sees what the tests were matched by.
labels := {
	"health": described("health-check endpoints", result.threshold("tests.subject.health", ""), "tests.subject.health"),
	"critical_flow": described("critical user flows", result.threshold("tests.subject.critical_flow", ""), "tests.subject.critical_flow"),
}

# METADATA
# description: How tests became smoke tests, when gonogo.yaml maps them (tests.kind.smoke).
kind_note := "" if {
	result.threshold("tests.kind.smoke", "") == ""
} else := sprintf("; smoke tests by tests.kind.smoke %q", [result.threshold("tests.kind.smoke", "")])

# METADATA
# description: A label, with the setting that changed how it is matched.
described(label, setting, name) := test_results.described(label, setting, name)
