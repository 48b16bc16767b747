# METADATA
# title: "Response times meet SLA (p95 < 50ms, p99 < 100ms)"
# description: >-
#   Checklist item 1.2.3 (1.2 Performance Validation). Decided from every load-test run found (k6,
#   Locust, JMeter): each reports p95 and p99 latency, p95 below load.p95_ms and p99 below
#   load.p99_ms.
# custom:
#   id: "1.2.3"
#   section: "1.2 Performance Validation"
#   severity: high
#   criteria:
#     - "Response times meet SLA (p95 < 50ms, p99 < 100ms)"
#   evidence:
#     - quality.load_tests
#   remediation: >-
#     Keep the load-test report with p95 and p99 latency (for k6 add p(99) to --summary-trend-stats)
#     and bring both under the SLA before launch.
#   thresholds:
#     - name: load.p95_ms
#       default: 50
#       unit: milliseconds
#       description: Highest p95 response time accepted under load.
#     - name: load.p99_ms
#       default: 100
#       unit: milliseconds
#       description: Highest p99 response time accepted under load.
package gonogo.items.testing.performance_validation.response_times_meet_sla

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

criteria["Response times meet SLA (p95 < 50ms, p99 < 100ms)"] := sla_result

max_p95 := result.threshold("load.p95_ms", 50)

max_p99 := result.threshold("load.p99_ms", 100)

runs := input.quality.load_tests.runs

run_refs := sort([ref | some ref, _ in runs])

unreadable := input.quality.load_tests.unreadable

limits := {"p95": max_p95, "p99": max_p99}

# "63.2 ms > 50 ms" or "50 ms = 50 ms, not below".
above(found, limit) := sprintf("%v ms > %v ms", [found, limit]) if found > limit

above(found, limit) := sprintf("%v ms = %v ms, not below", [found, limit]) if found == limit

# METADATA
# description: Each run must report p95 and p99 and keep both below their limits.
# scope: document
problems contains {"ref": ref, "text": sprintf("%s not reported (%s)", [name, ref])} if {
	some ref, r in runs
	some name, _ in limits
	not is_number(object.get(r, sprintf("%s_ms", [name]), null))
}

problems contains {"ref": ref, "text": sprintf("%s %s (%s)", [name, above(r[sprintf("%s_ms", [name])], limit), ref])} if {
	some ref, r in runs
	some name, limit in limits
	r[sprintf("%s_ms", [name])] >= limit
}

sla_result := result.pending("a load-test report with p95 and p99 latency") if {
	not input.quality.load_tests
} else := result.error(sprintf("load-test report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.nothing("load-test report (k6 summary export, Locust stats CSV or JSON, JMeter JTL)") if {
	count(runs) == 0
} else := result.fail(concat("; ", sort([p.text | some p in problems])), sort({p.ref | some p in problems})) if {
	count(problems) > 0
} else := result.pass(
	concat("; ", [sprintf("p95 %v ms < %v ms, p99 %v ms < %v ms (%s)", [runs[ref].p95_ms, max_p95, runs[ref].p99_ms, max_p99, ref]) |
		some ref in run_refs
	]),
	run_refs,
)
