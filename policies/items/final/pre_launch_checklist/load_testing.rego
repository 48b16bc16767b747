# METADATA
# title: "Load Testing: Production-like load tested"
# description: >-
#   Checklist item 10.1.1 (10.1 Pre-Launch Checklist). Decided from the load-test runs found (k6,
#   Locust, JMeter): at least one run was production-like, that is it handled load.requests
#   requests or more over at least load.min_duration_s seconds, with p95 below load.p95_ms and an
#   error rate below load.error_rate_percent.
# custom:
#   id: "10.1.1"
#   section: "10.1 Pre-Launch Checklist"
#   severity: critical
#   criteria:
#     - "Production-like load tested"
#   evidence:
#     - quality.load_tests
#   remediation: >-
#     Run the load test at production volume for long enough to be representative and keep its
#     report (k6 --summary-export, Locust --csv/--json, JMeter JTL).
#   thresholds:
#     - name: load.requests
#       default: 10000
#       unit: count
#       description: Requests a production-like load-test run must handle.
#     - name: load.min_duration_s
#       default: 60
#       unit: seconds
#       description: Shortest production-like load-test run.
#     - name: load.p95_ms
#       default: 50
#       unit: milliseconds
#       description: Highest p95 response time accepted under load.
#     - name: load.error_rate_percent
#       default: 0.1
#       unit: percent
#       description: Highest error rate accepted under load.
package gonogo.items.final.pre_launch_checklist.load_testing

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

criteria["Production-like load tested"] := production_like

min_requests := result.threshold("load.requests", 10000)

min_duration := result.threshold("load.min_duration_s", 60)

max_p95 := result.threshold("load.p95_ms", 50)

max_error_rate := result.threshold("load.error_rate_percent", 0.1)

runs := input.quality.load_tests.runs

unreadable := input.quality.load_tests.unreadable

# METADATA
# description: What keeps each run from counting as production-like, keyed by the run's report.
# scope: document
shortfalls[ref] contains sprintf("%d requests < %d", [r.requests, min_requests]) if {
	some ref, r in runs
	r.requests < min_requests
}

shortfalls[ref] contains sprintf("duration %v s < %v s", [object.get(r, "duration_s", 0), min_duration]) if {
	some ref, r in runs
	object.get(r, "duration_s", 0) < min_duration
}

shortfalls[ref] contains sprintf("p95 %v ms, not < %v ms", [object.get(r, "p95_ms", "unreported"), max_p95]) if {
	some ref, r in runs
	not object.get(r, "p95_ms", max_p95) < max_p95
}

shortfalls[ref] contains sprintf("error rate %v %%, not < %v %%", [object.get(r, "error_rate_percent", "unreported"), max_error_rate]) if {
	some ref, r in runs
	not object.get(r, "error_rate_percent", max_error_rate) < max_error_rate
}

qualifying := sort([ref | some ref, _ in runs; not shortfalls[ref]])

not_qualifying := sort([sprintf("%s: %s", [ref, concat(", ", sort(found))]) | some ref, found in shortfalls])

production_like := result.pending("a load-test report") if {
	not input.quality.load_tests
} else := result.error(sprintf("load-test report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.nothing("load-test report (k6 summary export, Locust stats CSV or JSON, JMeter JTL)") if {
	count(runs) == 0
} else := result.fail(sprintf("no production-like run: %s", [concat("; ", not_qualifying)]), sort([ref | some ref, _ in runs])) if {
	count(qualifying) == 0
} else := result.pass(
	sprintf(
		"production-like run(s) with >= %d requests over >= %v s, p95 < %v ms, error rate < %v %%: %s",
		[min_requests, min_duration, max_p95, max_error_rate, concat(", ", qualifying)],
	),
	qualifying,
)
