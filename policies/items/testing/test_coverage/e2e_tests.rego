# METADATA
# title: "E2E Tests: 12 tests passing"
# description: >-
#   Checklist item 1.1.3 (1.1 Test Coverage). Decided from JUnit results classified as end-to-end
#   tests (e2e, end-to-end, acceptance, Playwright/Cypress/Selenium in the suite name or path, a
#   marker, or the tests.kind.e2e mapping): at least tests.e2e_passed of them pass, none fails, and
#   user journeys, the GPU acceleration workflow (unless context.uses_gpu is false) and webhook
#   delivery each have passing end-to-end tests.
# custom:
#   id: "1.1.3"
#   section: "1.1 Test Coverage"
#   severity: high
#   criteria:
#     - "User journey workflows validated"
#     - "GPU acceleration workflow tested"
#     - "Webhook delivery workflow confirmed"
#   evidence:
#     - quality.tests
#   remediation: >-
#     Publish the JUnit XML of the end-to-end run, keep those tests under a path or suite named e2e
#     (or map them with tests.kind.e2e), fix failing journeys and add end-to-end tests for the
#     workflows that have none.
#   thresholds:
#     - name: tests.e2e_passed
#       default: 12
#       unit: count
#       description: Fewest passing end-to-end tests accepted.
#     - name: tests.subject.journey
#       default: ""
#       unit: pattern
#       description: Which e2e tests cover user journeys (empty means by name).
#     - name: tests.subject.gpu
#       default: ""
#       unit: pattern
#       description: Which tests cover the GPU workflow (empty means by name).
#     - name: tests.subject.webhook
#       default: ""
#       unit: pattern
#       description: Which e2e tests cover webhook delivery (empty means by name).
#     - name: tests.kind.e2e
#       default: ""
#       unit: pattern
#       description: Which tests are end-to-end tests (empty means by name).
package gonogo.items.testing.test_coverage.e2e_tests

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

criteria["User journey workflows validated"] := decide(
	tests,
	count_problems | subject_problems(kind, "journey", labels.journey),
	subject_message(kind, "journey", labels.journey, totals_message),
	kind.reports,
)

criteria["GPU acceleration workflow tested"] := result.unless_false("uses_gpu", decide(
	tests,
	count_problems | subject_problems(kind, "gpu", labels.gpu),
	subject_message(kind, "gpu", labels.gpu, totals_message),
	kind.reports,
))

criteria["Webhook delivery workflow confirmed"] := decide(
	tests,
	count_problems | subject_problems(kind, "webhook", labels.webhook),
	subject_message(kind, "webhook", labels.webhook, totals_message),
	kind.reports,
)

min_passed := result.threshold("tests.e2e_passed", 12)

tests := object.get(input, ["quality", "tests"], null)

kind := object.get(
	input,
	["quality", "tests", "kinds", "e2e"],
	{"tests": 0, "passed": 0, "failed": 0, "errored": 0, "failing": [], "reports": [], "subjects": {}},
)

kind_refs := concat(", ", kind.reports)

totals_message := sprintf("%d e2e tests passed >= %d, none failed (%s)%s", [kind.passed, min_passed, kind_refs, kind_note])

# METADATA
# description: What is wrong with the end-to-end run as a whole, whichever workflow is asked about.
# scope: document
count_problems contains sprintf("e2e tests: %d passed < %d (%s)", [kind.passed, min_passed, kind_refs]) if {
	kind.passed < min_passed
}

count_problems contains msg if {
	kind.failed + kind.errored > 0
	msg := sprintf(
		"e2e tests: %d failed, %d errored: %s (%s)",
		[kind.failed, kind.errored, concat(", ", kind.failing), kind_refs],
	)
}

# METADATA
# description: The pass message of one subject's criterion.
subject_message(counts, subject, label, totals) := test_results.subject_message("e2e", counts, subject, label, totals)

# METADATA
# description: What is wrong with the tests of one subject in counts (a kind's counts with its subjects).
subject_problems(counts, subject, label) := test_results.subject_problems("e2e", counts, subject, label)

# METADATA
# description: pending without JUnit results or without a test of this kind, error when one was unreadable, else fail on any problem, else pass.
decide(test_results_section, problems, pass_message, refs) := test_results.decide_kind("e2e", test_results_section, problems, pass_message, refs)

# METADATA
# description: >-
#   Each subject's name in messages; when gonogo.yaml sets its words (tests.subject.<name>), they
#   are quoted next to it, so a reader sees what the tests were matched by.
labels := {
	"journey": described("user journeys", result.threshold("tests.subject.journey", ""), "tests.subject.journey"),
	"gpu": described("the GPU acceleration workflow", result.threshold("tests.subject.gpu", ""), "tests.subject.gpu"),
	"webhook": described("webhook delivery", result.threshold("tests.subject.webhook", ""), "tests.subject.webhook"),
}

# METADATA
# description: How tests became e2e tests, when gonogo.yaml maps them (tests.kind.e2e).
kind_note := "" if {
	result.threshold("tests.kind.e2e", "") == ""
} else := sprintf("; e2e tests by tests.kind.e2e %q", [result.threshold("tests.kind.e2e", "")])

# METADATA
# description: A label, with the setting that changed how it is matched.
described(label, setting, name) := test_results.described(label, setting, name)
