package gonogo.items.testing.performance_validation.throughput_targets_achieved_test

import data.gonogo.items.testing.performance_validation.throughput_targets_achieved

run(ref, requests, duration) := {
	"tool": "k6", "requests": requests, "duration_s": duration, "throughput_rps": requests / duration,
	"provenance": {"collector": "reports", "file": ref, "ref": ref},
}

input_with(runs) := {"quality": {"load_tests": {"runs": runs, "memory": {}, "unreadable": []}}}

test_passes_at_10000_rps if {
	r := throughput_targets_achieved.report with input as input_with({
		"a.json": run("a.json", 1800000, 180),
		"b.csv": run("b.csv", 1000, 10),
	})
	r.verdict == "pass"
	r.criteria[0].message == "sustained throughput 10000 req/s >= 10000 req/s (1800000 requests over 180 s) (a.json)"
}

test_fails_below_target if {
	r := throughput_targets_achieved.report with input as input_with({"b.csv": run("b.csv", 1075, 10)})
	r.verdict == "fail"
	r.criteria[0].message == "peak sustained throughput 107.5 req/s < 10000 req/s (1075 requests over 10 s) (b.csv)"
}

test_nothing_to_judge_without_runs if {
	r := throughput_targets_achieved.report with input as input_with({})
	r.verdict == "pending"
	startswith(r.criteria[0].message, "no load-test report (")
}

test_pending_without_evidence if {
	r := throughput_targets_achieved.report with input as {}
	r.verdict == "pending"
}
