package gonogo.items.testing.performance_validation.memory_efficiency_test

import data.gonogo.items.testing.performance_validation.memory_efficiency

comparison(metric, ratio) := {
	"name": "lattice_memory", "metric": metric, "unit": "bytes", "baseline": 8000000000, "current": 8000000000 / ratio,
	"ratio": ratio, "source_format": "comparison", "gpu": false, "baseline_recorded": "2025-09-01",
	"provenance": {"collector": "reports", "file": "bench/results.yaml", "ref": "bench/results.yaml"},
}

input_with(comparisons) := {"quality": {"benchmarks": {"reports": {"bench/results.yaml": {}}, "comparisons": comparisons, "unreadable": []}}}

test_passes_at_the_claimed_reduction if {
	r := memory_efficiency.report with input as input_with({"a": comparison("memory", 28571.43)})
	r.verdict == "pass"
	contains(r.criteria[0].message, "memory reduction 28571.43x >= 28571x: lattice_memory")
	r.criteria[0].evidence == ["bench/results.yaml"]
}

test_fails_below_the_claim if {
	r := memory_efficiency.report with input as input_with({"a": comparison("memory", 2000), "b": comparison("time", 50000)})
	r.verdict == "fail"
	contains(r.criteria[0].message, "best memory reduction 2000x < 28571x: lattice_memory")
	contains(r.criteria[0].message, "(bench/results.yaml)")
}

test_nothing_to_judge_without_memory_comparison if {
	r := memory_efficiency.report with input as input_with({"b": comparison("time", 50000)})
	r.verdict == "pending"
	startswith(r.criteria[0].message, "no memory benchmark compared with a baseline")
}

test_pending_without_evidence if {
	r := memory_efficiency.report with input as {}
	r.verdict == "pending"
}
