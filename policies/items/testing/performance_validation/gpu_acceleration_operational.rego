# METADATA
# title: "GPU acceleration operational (where available)"
# description: >-
#   Checklist item 1.2.5 (1.2 Performance Validation). Not applicable when context.uses_gpu is
#   false. Otherwise decided from JUnit results and benchmarks: tests on the GPU (gpu, cuda, rocm in
#   their names) all pass, at least one does, or a GPU benchmark compared with its baseline is no
#   slower than it.
# custom:
#   id: "1.2.5"
#   section: "1.2 Performance Validation"
#   severity: medium
#   criteria:
#     - "GPU acceleration operational (where available)"
#   evidence:
#     - quality.tests
#     - quality.benchmarks
#   remediation: >-
#     Run the GPU tests or benchmarks on GPU hardware and keep their JUnit XML or benchmark report;
#     declare context.uses_gpu false in gonogo.yaml if the service has no GPU path.
package gonogo.items.testing.performance_validation.gpu_acceleration_operational

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

criteria["GPU acceleration operational (where available)"] := gpu_result

gpu_tests := object.get(input, ["quality", "tests", "subjects", "gpu"], {})

# METADATA
# description: Benchmarks run on the GPU that were compared with a baseline.
gpu_benchmarks[key] := c if {
	some key, c in input.quality.benchmarks.comparisons
	c.gpu
	is_number(c.ratio)
}

slower_benchmarks := sort([sprintf("%s %vx baseline (%s)", [c.name, c.ratio, c.provenance.ref]) | some c in gpu_benchmarks; c.ratio < 1])

unreadable := array.concat(object.get(input, ["quality", "tests", "unreadable"], []), object.get(input, ["quality", "benchmarks", "unreadable"], []))

gpu_refs := sort({ref | some ref in object.get(gpu_tests, "reports", [])} | {c.provenance.ref | some c in gpu_benchmarks})

gpu_result := result.unless_false("uses_gpu", _gpu_decision)

_gpu_decision := result.pending("GPU test results or GPU benchmarks") if {
	not input.quality.tests
	not input.quality.benchmarks
} else := result.error(sprintf("report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.fail(
	sprintf(
		"GPU tests: %d failed, %d errored of %d: %s (%s)",
		[gpu_tests.failed, gpu_tests.errored, gpu_tests.tests, concat(", ", gpu_tests.failing), concat(", ", gpu_tests.reports)],
	),
	gpu_tests.reports,
) if {
	gpu_tests.failed + gpu_tests.errored > 0
} else := result.fail(sprintf("GPU benchmark slower than its baseline: %s", [concat("; ", slower_benchmarks)]), gpu_refs) if {
	count(slower_benchmarks) > 0
} else := result.nothing("passing GPU test or GPU benchmark (gpu, cuda or rocm in a test or benchmark name)") if {
	object.get(gpu_tests, "passed", 0) == 0
	count(gpu_benchmarks) == 0
} else := result.measured_if(
	count({b | some b in gpu_benchmarks; b.source_format == "comparison"}) == 0,
	sprintf(
		"%d GPU tests passed, %d GPU benchmark(s) no slower than baseline (%s)",
		[object.get(gpu_tests, "passed", 0), count(gpu_benchmarks), concat(", ", gpu_refs)],
	),
	gpu_refs,
)
