package gonogo.items.final.pre_launch_checklist.performance_baseline_test

import data.gonogo.items.final.pre_launch_checklist.performance_baseline

comparison(name, metric, ratio) := {
	"name": name, "metric": metric, "unit": "ms", "baseline": 100, "current": 100 / ratio, "ratio": ratio,
	"source_format": "comparison", "gpu": false, "baseline_recorded": "2025-09-01",
	"provenance": {"collector": "reports", "file": "bench.yaml", "ref": "bench.yaml"},
}

input_with(comparisons) := {"quality": {"benchmarks": {"reports": {"bench.yaml": {}}, "comparisons": comparisons, "unreadable": []}}}

measured(c) := object.union(c, {"source_format": "pytest-benchmark"})

test_passes_with_recorded_baseline_and_no_regression if {
	comparisons := {"a": measured(comparison("transform", "time", 649)), "b": measured(comparison("ingest", "throughput", 0.95))}
	r := performance_baseline.report with input as input_with(comparisons)
	r.verdict == "pass"
	r.criteria[0].assurance == "measured"
	r.criteria[0].message == "2 benchmark(s) compared with a recorded baseline, none regressed > 10 % (bench.yaml)"
}

test_a_hand_written_comparison_file_is_declared_so_pending_on_this_high_item if {
	r := performance_baseline.report with input as input_with({"a": comparison("transform", "time", 649)})
	r.verdict == "pending"
	startswith(r.criteria[0].message, "declared only (1 benchmark(s) compared")
}

test_fails_on_regression if {
	r := performance_baseline.report with input as input_with({"b": comparison("ingest", "throughput", 0.75)})
	r.verdict == "fail"
	r.criteria[0].message == "ingest throughput regressed 25 % > 10 %: baseline 100, current 133.33333333333334 ms (bench.yaml)"
}

test_fails_without_recorded_date if {
	r := performance_baseline.report with input as input_with({"a": object.remove(comparison("transform", "time", 2), ["baseline_recorded"])})
	r.verdict == "fail"
	r.criteria[0].message == "transform: baseline has no recorded date (bench.yaml)"
}

test_fails_without_comparisons if {
	r := performance_baseline.report with input as input_with({})
	r.verdict == "fail"
	r.criteria[0].message == "no benchmark compared with a recorded baseline (1 benchmark report(s) found)"
}

test_pending_without_evidence if {
	r := performance_baseline.report with input as {}
	r.verdict == "pending"
}
