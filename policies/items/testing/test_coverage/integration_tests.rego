# METADATA
# title: "Integration Tests: 36 tests passing"
# description: >-
#   Checklist item 1.1.2 (1.1 Test Coverage). Decided from JUnit results (pytest, Jest, Go, Surefire/
#   Failsafe) classified as integration tests (by suite name, file path, marker or the
#   tests.kind.integration mapping): at least tests.integration_passed of them pass, none fails, and
#   each subject the checklist names (API endpoints, database, GPU/SaaS, security, monitoring) has
#   passing integration tests of its own.
# custom:
#   id: "1.1.2"
#   section: "1.1 Test Coverage"
#   severity: high
#   criteria:
#     - "API endpoint integration verified"
#     - "Database integration validated"
#     - "GPU/SaaS integration confirmed"
#     - "Security integration tested"
#     - "Monitoring integration verified"
#   evidence:
#     - quality.tests
#   remediation: >-
#     Publish the JUnit XML of the integration-test run (pytest --junitxml, jest-junit,
#     go-junit-report, Failsafe), keep integration tests under a path or suite named integration
#     (or map them with tests.kind.integration), fix failing tests and add integration tests for
#     each subject that has none.
#   thresholds:
#     - name: tests.integration_passed
#       default: 36
#       unit: count
#       description: Fewest passing integration tests accepted.
#     - name: tests.subject.api
#       default: ""
#       unit: pattern
#       description: Which integration tests cover API endpoints (empty means by name).
#     - name: tests.subject.database
#       default: ""
#       unit: pattern
#       description: Which integration tests cover the database (empty means by name).
#     - name: tests.subject.saas
#       default: ""
#       unit: pattern
#       description: Which integration tests cover SaaS integrations (empty means by name).
#     - name: tests.subject.gpu
#       default: ""
#       unit: pattern
#       description: Which tests cover the GPU workflow (empty means by name).
#     - name: tests.subject.security
#       default: ""
#       unit: pattern
#       description: Which integration tests cover security (empty means by name).
#     - name: tests.subject.monitoring
#       default: ""
#       unit: pattern
#       description: Which integration tests cover monitoring (empty means by name).
#     - name: tests.kind.integration
#       default: ""
#       unit: pattern
#       description: Which tests are integration tests (empty means by name).
package gonogo.items.testing.test_coverage.integration_tests

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

criteria["API endpoint integration verified"] := decide(
	tests,
	count_problems | subject_problems(kind, "api", labels.api),
	subject_message(kind, "api", labels.api, totals_message),
	kind.reports,
)

criteria["Database integration validated"] := decide(
	tests,
	count_problems | subject_problems(kind, "database", labels.database),
	subject_message(kind, "database", labels.database, totals_message),
	kind.reports,
)

# GPU and SaaS integration; SaaS alone when the context says the service uses no GPU.
criteria["GPU/SaaS integration confirmed"] := decide(
	tests,
	((count_problems | subject_problems(kind, "saas", labels.saas)) | gpu_problems),
	sprintf(
		"%d integration tests on GPU and %d on SaaS integration passed; %s",
		[object.get(kind.subjects, ["gpu", "passed"], 0), object.get(kind.subjects, ["saas", "passed"], 0), totals_message],
	),
	kind.reports,
)

gpu_problems := set() if {
	input.context.uses_gpu == false
} else := subject_problems(kind, "gpu", labels.gpu)

criteria["Security integration tested"] := decide(
	tests,
	count_problems | subject_problems(kind, "security", labels.security),
	subject_message(kind, "security", labels.security, totals_message),
	kind.reports,
)

criteria["Monitoring integration verified"] := decide(
	tests,
	count_problems | subject_problems(kind, "monitoring", labels.monitoring),
	subject_message(kind, "monitoring", labels.monitoring, totals_message),
	kind.reports,
)

min_passed := result.threshold("tests.integration_passed", 36)

tests := object.get(input, ["quality", "tests"], null)

kind := object.get(
	input,
	["quality", "tests", "kinds", "integration"],
	{"tests": 0, "passed": 0, "failed": 0, "errored": 0, "failing": [], "reports": [], "subjects": {}},
)

kind_refs := concat(", ", kind.reports)

totals_message := sprintf("%d integration tests passed >= %d, none failed (%s)%s", [kind.passed, min_passed, kind_refs, kind_note])

# METADATA
# description: What is wrong with the integration run as a whole, whichever subject is asked about.
# scope: document
count_problems contains sprintf("integration tests: %d passed < %d (%s)", [kind.passed, min_passed, kind_refs]) if {
	kind.passed < min_passed
}

count_problems contains msg if {
	kind.failed + kind.errored > 0
	msg := sprintf(
		"integration tests: %d failed, %d errored: %s (%s)",
		[kind.failed, kind.errored, concat(", ", kind.failing), kind_refs],
	)
}

# METADATA
# description: The pass message of one subject's criterion.
subject_message(counts, subject, label, totals) := test_results.subject_message("integration", counts, subject, label, totals)

# METADATA
# description: What is wrong with the tests of one subject in counts (a kind's counts with its subjects).
subject_problems(counts, subject, label) := test_results.subject_problems("integration", counts, subject, label)

# METADATA
# description: pending without JUnit results or without a test of this kind, error when one was unreadable, else fail on any problem, else pass.
decide(test_results_section, problems, pass_message, refs) := test_results.decide_kind(
	"integration",
	test_results_section, problems, pass_message, refs,
)

# METADATA
# description: >-
#   Each subject's name in messages; when gonogo.yaml sets its words (tests.subject.<name>), they
#   are quoted next to it, so a reader sees what the tests were matched by.
labels := {
	"api": described("API endpoints", result.threshold("tests.subject.api", ""), "tests.subject.api"),
	"database": described("the database", result.threshold("tests.subject.database", ""), "tests.subject.database"),
	"saas": described("SaaS integration", result.threshold("tests.subject.saas", ""), "tests.subject.saas"),
	"gpu": described("GPU", result.threshold("tests.subject.gpu", ""), "tests.subject.gpu"),
	"security": described("security", result.threshold("tests.subject.security", ""), "tests.subject.security"),
	"monitoring": described("monitoring", result.threshold("tests.subject.monitoring", ""), "tests.subject.monitoring"),
}

# METADATA
# description: How tests became integration tests, when gonogo.yaml maps them (tests.kind.integration).
kind_note := "" if {
	result.threshold("tests.kind.integration", "") == ""
} else := sprintf("; integration tests by tests.kind.integration %q", [result.threshold("tests.kind.integration", "")])

# METADATA
# description: A label, with the setting that changed how it is matched.
described(label, setting, name) := test_results.described(label, setting, name)
