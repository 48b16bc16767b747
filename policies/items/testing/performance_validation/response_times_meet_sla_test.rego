package gonogo.items.testing.performance_validation.response_times_meet_sla_test

import data.gonogo.items.testing.performance_validation.response_times_meet_sla

run(p95, p99) := {
	"tool": "k6", "requests": 20000, "failures": 0, "error_rate_percent": 0, "p95_ms": p95, "p99_ms": p99,
	"provenance": {"collector": "reports", "file": "loadtest/summary.json", "ref": "loadtest/summary.json"},
}

input_with(runs) := {"quality": {"load_tests": {"runs": runs, "memory": {}, "unreadable": []}}}

test_passes_within_sla if {
	r := response_times_meet_sla.report with input as input_with({"loadtest/summary.json": run(31.2, 78.4)})
	r.verdict == "pass"
	r.criteria[0].message == "p95 31.2 ms < 50 ms, p99 78.4 ms < 100 ms (loadtest/summary.json)"
}

test_fails_p95_and_p99 if {
	r := response_times_meet_sla.report with input as input_with({"loadtest/summary.json": run(63.2, 141.7)})
	r.verdict == "fail"
	r.criteria[0].message == "p95 63.2 ms > 50 ms (loadtest/summary.json); p99 141.7 ms > 100 ms (loadtest/summary.json)"
}

test_fails_when_p99_not_reported if {
	r := response_times_meet_sla.report with input as input_with({"loadtest/summary.json": object.remove(run(31.2, 0), ["p99_ms"])})
	r.verdict == "fail"
	r.criteria[0].message == "p99 not reported (loadtest/summary.json)"
}

test_thresholds_from_settings if {
	r := response_times_meet_sla.report with input as object.union(
		input_with({"loadtest/summary.json": run(63.2, 141.7)}),
		{"settings": {"thresholds": {"load.p95_ms": 100, "load.p99_ms": 200}}},
	)
	r.verdict == "pass"
}

test_pending_without_evidence if {
	r := response_times_meet_sla.report with input as {}
	r.verdict == "pending"
}
