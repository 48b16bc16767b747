package gonogo.items.testing.performance_validation.processing_speed_test

import data.gonogo.items.testing.performance_validation.processing_speed

comparison(name, metric, ratio) := {
	"name": name, "metric": metric, "unit": "ms", "baseline": 3245, "current": 3245 / ratio,
	"ratio": ratio, "source_format": "comparison", "gpu": false, "baseline_recorded": "2025-09-01",
	"provenance": {"collector": "reports", "file": "bench/results.yaml", "ref": "bench/results.yaml"},
}

input_with(comparisons) := {"quality": {"benchmarks": {"reports": {}, "comparisons": comparisons, "unreadable": []}}}

test_passes_at_649x if {
	r := processing_speed.report with input as input_with({"a": comparison("transform", "time", 649), "b": comparison("mem", "memory", 99999)})
	r.verdict == "pass"
	contains(r.criteria[0].message, "speed-up 649x >= 649x: transform")
}

test_fails_below_649x if {
	r := processing_speed.report with input as input_with({"a": comparison("transform", "time", 129.8), "b": comparison("mem", "memory", 99999)})
	r.verdict == "fail"
	contains(r.criteria[0].message, "best speed-up 129.8x < 649x: transform")
}

test_throughput_counts_as_speed if {
	r := processing_speed.report with input as input_with({"a": comparison("ingest", "throughput", 700)})
	r.verdict == "pass"
}

test_nothing_to_judge_without_speed_comparison if {
	r := processing_speed.report with input as input_with({})
	r.verdict == "pending"
	startswith(r.criteria[0].message, "no time or throughput benchmark")
}

test_pending_without_evidence if {
	r := processing_speed.report with input as {}
	r.verdict == "pending"
}
