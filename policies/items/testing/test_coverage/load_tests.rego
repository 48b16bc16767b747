# METADATA
# title: "Load Tests: Completed successfully"
# description: >-
#   Checklist item 1.1.4 (1.1 Test Coverage). Decided from every load-test run found (k6 summary
#   export, Locust stats CSV or JSON, JMeter JTL): the largest run handled at least
#   load.requests requests; every run's p95 latency is below load.p95_ms and its error rate below
#   load.error_rate_percent; and every memory series of a soak run (CSV or Prometheus range query)
#   has at least load.memory_min_samples samples and grew by no more than load.memory_growth_percent.
# custom:
#   id: "1.1.4"
#   section: "1.1 Test Coverage"
#   severity: critical
#   criteria:
#     - "Peak load: 10,000+ requests handled"
#     - "Response time p95: < 50ms"
#     - "Error rate: < 0.1%"
#     - "Memory stability: No leaks detected"
#   evidence:
#     - quality.load_tests
#   remediation: >-
#     Run the load test at production scale (k6 --summary-export, Locust --csv/--json, JMeter -l
#     results.jtl), keep its report and the memory series of the soak run (process RSS sampled as
#     elapsed_s,rss_bytes CSV, or a Prometheus query_range of process_resident_memory_bytes), and fix
#     latency, errors or memory growth before launch.
#   thresholds:
#     - name: load.requests
#       default: 10000
#       unit: count
#       description: Requests a production-like load-test run must handle.
#     - name: load.p95_ms
#       default: 50
#       unit: milliseconds
#       description: Highest p95 response time accepted under load.
#     - name: load.error_rate_percent
#       default: 0.1
#       unit: percent
#       description: Highest error rate accepted under load.
#     - name: load.memory_growth_percent
#       default: 5
#       unit: percent
#       description: Highest memory growth accepted over a load-test run.
#     - name: load.memory_min_samples
#       default: 10
#       unit: count
#       description: Fewest memory samples needed to judge memory growth.
package gonogo.items.testing.test_coverage.load_tests

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

criteria["Peak load: 10,000+ requests handled"] := peak_load

criteria["Response time p95: < 50ms"] := p95_result

criteria["Error rate: < 0.1%"] := error_rate_result

criteria["Memory stability: No leaks detected"] := memory_result

min_requests := result.threshold("load.requests", 10000)

max_p95 := result.threshold("load.p95_ms", 50)

max_error_rate := result.threshold("load.error_rate_percent", 0.1)

max_growth := result.threshold("load.memory_growth_percent", 5)

min_samples := result.threshold("load.memory_min_samples", 10)

runs := input.quality.load_tests.runs

run_refs := sort([ref | some ref, _ in runs])

unreadable := input.quality.load_tests.unreadable

# "63.2 ms > 50 ms" or "50 ms = 50 ms, not below": the message says which way a limit was missed.
above(found, limit, unit) := sprintf("%v %s > %v %s", [found, unit, limit, unit]) if found > limit

above(found, limit, unit) := sprintf("%v %s = %v %s, not below", [found, unit, limit, unit]) if found == limit

peak_requests := max([r.requests | some r in runs])

peak_ref := min({ref | some ref, r in runs; r.requests == peak_requests})

peak_load := result.pending("a load-test report (k6, Locust or JMeter)") if {
	not input.quality.load_tests
} else := result.error(sprintf("load-test report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.nothing("load-test report (k6 summary export, Locust stats CSV or JSON, JMeter JTL)") if {
	count(runs) == 0
} else := result.fail(sprintf("peak load %d requests < %d (%s)", [peak_requests, min_requests, peak_ref]), [peak_ref]) if {
	peak_requests < min_requests
} else := result.pass(sprintf("peak load %d requests >= %d (%s)", [peak_requests, min_requests, peak_ref]), [peak_ref])

# METADATA
# description: Every run reports its p95 and it is below the limit.
# scope: document
p95_problems contains {"ref": ref, "text": sprintf("p95 not reported (%s)", [ref])} if {
	some ref, r in runs
	not r.p95_ms
}

p95_problems contains {"ref": ref, "text": sprintf("p95 %s (%s)", [above(r.p95_ms, max_p95, "ms"), ref])} if {
	some ref, r in runs
	r.p95_ms >= max_p95
}

p95_result := result.pending("a load-test report with p95 latency") if {
	not input.quality.load_tests
} else := result.error(sprintf("load-test report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.nothing("load-test report (k6 summary export, Locust stats CSV or JSON, JMeter JTL)") if {
	count(runs) == 0
} else := result.fail(concat("; ", sort([p.text | some p in p95_problems])), sort({p.ref | some p in p95_problems})) if {
	count(p95_problems) > 0
} else := result.pass(
	sprintf("p95 %s ms < %v ms (%s)", [concat(", ", [sprintf("%v", [runs[ref].p95_ms]) | some ref in run_refs]), max_p95, concat(", ", run_refs)]),
	run_refs,
)

# METADATA
# description: Every run reports its error rate and it is below the limit.
# scope: document
error_problems contains {"ref": ref, "text": sprintf("error rate not reported (%s)", [ref])} if {
	some ref, r in runs
	not is_number(object.get(r, "error_rate_percent", null))
}

error_problems contains {"ref": ref, "text": msg} if {
	some ref, r in runs
	r.error_rate_percent >= max_error_rate
	msg := sprintf(
		"error rate %s (%d of %d requests failed) (%s)",
		[above(r.error_rate_percent, max_error_rate, "%"), r.failures, r.requests, ref],
	)
}

error_rate_result := result.pending("a load-test report with failed requests") if {
	not input.quality.load_tests
} else := result.error(sprintf("load-test report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.nothing("load-test report (k6 summary export, Locust stats CSV or JSON, JMeter JTL)") if {
	count(runs) == 0
} else := result.fail(concat("; ", sort([p.text | some p in error_problems])), sort({p.ref | some p in error_problems})) if {
	count(error_problems) > 0
} else := result.pass(
	sprintf(
		"error rate %s %% < %v %% (%s)",
		[concat(", ", [sprintf("%v", [runs[ref].error_rate_percent]) | some ref in run_refs]), max_error_rate, concat(", ", run_refs)],
	),
	run_refs,
)

series := input.quality.load_tests.memory

series_refs := sort([ref | some ref, _ in series])

# METADATA
# description: Every memory series has enough samples and a growth over the run within the limit.
# scope: document
memory_problems contains {"ref": ref, "text": sprintf("%d memory samples < %d (%s)", [s.samples, min_samples, ref])} if {
	some ref, s in series
	s.samples < min_samples
}

memory_problems contains {"ref": ref, "text": sprintf("memory series covers no time span (%s)", [ref])} if {
	some ref, s in series
	not is_number(object.get(s, "growth_percent", null))
}

memory_problems contains {"ref": ref, "text": msg} if {
	some ref, s in series
	s.growth_percent > max_growth
	msg := sprintf(
		"memory grew %v %% over %v s (%d -> %d bytes, slope %d B/s) > %v %% (%s)",
		[s.growth_percent, s.duration_s, s.start_bytes, s.end_bytes, round(s.slope_bytes_per_s), max_growth, ref],
	)
}

memory_result := result.pending("a memory series from a soak run") if {
	not input.quality.load_tests
} else := result.error(sprintf("load-test report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.nothing("memory series from a soak run (CSV elapsed_s,rss_bytes or a Prometheus range query of a memory metric)") if {
	count(series) == 0
} else := result.fail(concat("; ", sort([p.text | some p in memory_problems])), sort({p.ref | some p in memory_problems})) if {
	count(memory_problems) > 0
} else := result.pass(
	sprintf(
		"memory growth %s %% <= %v %% over the soak run (%s)",
		[concat(", ", [sprintf("%v", [series[ref].growth_percent]) | some ref in series_refs]), max_growth, concat(", ", series_refs)],
	),
	series_refs,
)
