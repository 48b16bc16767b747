package gonogo.items.testing.performance_validation.gpu_acceleration_operational_test

import data.gonogo.items.testing.performance_validation.gpu_acceleration_operational

gpu_counts(passed, failed) := {
	"tests": passed + failed, "passed": passed, "failed": failed, "errored": 0, "skipped": 0,
	"failing": failing_names(failed), "reports": ["junit.xml"],
}

gpu_benchmark(ratio) := {
	"name": "gpu_transform", "metric": "time", "unit": "ms", "baseline": 5, "current": 5 / ratio, "ratio": ratio,
	"source_format": "comparison", "gpu": true, "provenance": {"collector": "reports", "file": "bench.yaml", "ref": "bench.yaml"},
}

test_passes_with_passing_gpu_tests if {
	r := gpu_acceleration_operational.report with input as {"quality": {"tests": {"subjects": {"gpu": gpu_counts(3, 0)}, "unreadable": []}}}
	r.verdict == "pass"
	r.criteria[0].message == "3 GPU tests passed, 0 GPU benchmark(s) no slower than baseline (junit.xml)"
}

test_passes_with_a_gpu_benchmark_only if {
	r := gpu_acceleration_operational.report with input as {"quality": {"benchmarks": {"comparisons": {"k": gpu_benchmark(12.2)}, "unreadable": []}}}
	r.verdict == "pass"
}

test_fails_when_a_gpu_test_fails if {
	r := gpu_acceleration_operational.report with input as {"quality": {"tests": {"subjects": {"gpu": gpu_counts(2, 1)}, "unreadable": []}}}
	r.verdict == "fail"
	r.criteria[0].message == "GPU tests: 1 failed, 0 errored of 3: test_cuda_kernel (junit.xml)"
}

test_fails_when_gpu_benchmark_slower_than_baseline if {
	r := gpu_acceleration_operational.report with input as {"quality": {"benchmarks": {"comparisons": {"k": gpu_benchmark(0.5)}, "unreadable": []}}}
	r.verdict == "fail"
	contains(r.criteria[0].message, "gpu_transform 0.5x baseline (bench.yaml)")
}

test_no_gpu_evidence_is_nothing_to_judge if {
	r := gpu_acceleration_operational.report with input as {"quality": {
		"tests": {"subjects": {}, "unreadable": []},
		"benchmarks": {"comparisons": {}, "unreadable": []},
	}}
	r.verdict == "pending"
	r.criteria[0].message == "no passing GPU test or GPU benchmark (gpu, cuda or rocm in a test or benchmark name) collected"
}

test_not_applicable_without_gpu if {
	r := gpu_acceleration_operational.report with input as {"context": {"uses_gpu": false}}
	r.verdict == "not_applicable"
}

test_applies_when_gpu_flag_absent if {
	r := gpu_acceleration_operational.report with input as {"context": {}}
	r.verdict == "pending"
}

failing_names(0) := []

failing_names(failed) := ["test_cuda_kernel"] if failed > 0
