# METADATA
# title: "Throughput targets achieved (10,000 req/sec sustained)"
# description: >-
#   Checklist item 1.2.4 (1.2 Performance Validation). Decided from the load-test runs found (k6,
#   Locust, JMeter): the highest sustained throughput of a run (its requests over its duration) is
#   at least load.throughput_rps.
# custom:
#   id: "1.2.4"
#   section: "1.2 Performance Validation"
#   severity: high
#   criteria:
#     - "Throughput targets achieved (10,000 req/sec sustained)"
#   evidence:
#     - quality.load_tests
#   remediation: >-
#     Run a load test that sustains the target rate for its whole duration and keep its report.
#   thresholds:
#     - name: load.throughput_rps
#       default: 10000
#       unit: requests per second
#       description: Lowest sustained throughput accepted.
package gonogo.items.testing.performance_validation.throughput_targets_achieved

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

_run_refs := sort([ref | some ref, _ in runs])

criteria["Throughput targets achieved (10,000 req/sec sustained)"] := throughput_result

min_rps := result.threshold("load.throughput_rps", 10000)

runs := input.quality.load_tests.runs

unreadable := input.quality.load_tests.unreadable

# METADATA
# description: The sustained throughput of each run that reports one.
measured[ref] := r.throughput_rps if {
	some ref, r in runs
	is_number(r.throughput_rps)
}

peak_rps := max({rps | some rps in measured})

peak_ref := min({ref | some ref, rps in measured; rps == peak_rps})

peak_run := runs[peak_ref]

throughput_result := result.pending("a load-test report with sustained throughput") if {
	not input.quality.load_tests
} else := result.error(sprintf("load-test report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.nothing("load-test report (k6 summary export, Locust stats CSV or JSON, JMeter JTL)") if {
	count(runs) == 0
} else := result.fail(
	sprintf("no load-test run reports its duration or throughput (%s)", [concat(", ", _run_refs)]),
	_run_refs,
) if {
	count(measured) == 0
} else := result.fail(
	sprintf(
		"peak sustained throughput %v req/s < %v req/s (%d requests over %v s) (%s)",
		[peak_rps, min_rps, peak_run.requests, object.get(peak_run, "duration_s", "?"), peak_ref],
	),
	[peak_ref],
) if {
	peak_rps < min_rps
} else := result.pass(
	sprintf(
		"sustained throughput %v req/s >= %v req/s (%d requests over %v s) (%s)",
		[peak_rps, min_rps, peak_run.requests, object.get(peak_run, "duration_s", "?"), peak_ref],
	),
	[peak_ref],
)
