package gonogo.items.final.pre_launch_checklist.load_testing_test

import data.gonogo.items.final.pre_launch_checklist.load_testing

production_run := {
	"tool": "k6", "requests": 1800000, "failures": 360, "error_rate_percent": 0.02, "p95_ms": 31.2, "p99_ms": 78.4,
	"duration_s": 180, "throughput_rps": 10000, "provenance": {"collector": "reports", "file": "k6.json", "ref": "k6.json"},
}

short_run := {
	"tool": "locust", "requests": 966, "failures": 0, "error_rate_percent": 0, "p95_ms": 52, "p99_ms": 68,
	"duration_s": 9.0, "throughput_rps": 107.1, "provenance": {"collector": "reports", "file": "locust_stats.csv", "ref": "locust_stats.csv"},
}

input_with(runs) := {"quality": {"load_tests": {"runs": runs, "memory": {}, "unreadable": []}}}

test_passes_with_one_production_like_run if {
	r := load_testing.report with input as input_with({"k6.json": production_run, "locust_stats.csv": short_run})
	r.verdict == "pass"
	endswith(r.criteria[0].message, ": k6.json")
	r.criteria[0].evidence == ["k6.json"]
}

test_fails_listing_what_each_run_lacks if {
	r := load_testing.report with input as input_with({"locust_stats.csv": short_run})
	r.verdict == "fail"
	r.criteria[0].message == "no production-like run: locust_stats.csv: 966 requests < 10000, duration 9 s < 60 s, p95 52 ms, not < 50 ms"
}

test_fails_when_run_reports_no_p95 if {
	r := load_testing.report with input as input_with({"k6.json": object.remove(production_run, ["p95_ms"])})
	r.verdict == "fail"
	contains(r.criteria[0].message, "p95 unreported ms, not < 50 ms")
}

test_nothing_to_judge_without_runs if {
	r := load_testing.report with input as input_with({})
	r.verdict == "pending"
	startswith(r.criteria[0].message, "no load-test report (")
}

test_pending_without_evidence if {
	r := load_testing.report with input as {}
	r.verdict == "pending"
}
