# METADATA
# title: "Memory efficiency: 28,571x reduction confirmed"
# description: >-
#   Checklist item 1.2.1 (1.2 Performance Validation). Decided from benchmark results compared with
#   a recorded baseline (pytest-benchmark groups with a baseline member and extra_info peak memory,
#   or a benchmark_comparison file): the best memory reduction (baseline / current) is at least
#   benchmarks.memory_ratio.
# custom:
#   id: "1.2.1"
#   section: "1.2 Performance Validation"
#   severity: low
#   criteria:
#     - "28,571x reduction confirmed"
#   evidence:
#     - quality.benchmarks
#   remediation: >-
#     Record the memory of the baseline and of the current implementation in a benchmark report
#     (pytest-benchmark extra_info peak_memory_bytes, or a benchmark_comparison file) so the
#     claimed reduction can be checked, or correct the claim.
#   thresholds:
#     - name: benchmarks.memory_ratio
#       default: 28571
#       unit: ratio
#       description: Lowest memory-efficiency ratio accepted.
package gonogo.items.testing.performance_validation.memory_efficiency

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

criteria["28,571x reduction confirmed"] := reduction_result

min_ratio := result.threshold("benchmarks.memory_ratio", 28571)

unreadable := input.quality.benchmarks.unreadable

# METADATA
# description: Memory benchmarks compared with a baseline.
memory[key] := c if {
	some key, c in input.quality.benchmarks.comparisons
	c.metric == "memory"
	is_number(c.ratio)
}

best_ratio := max({c.ratio | some c in memory})

best_key := min({key | some key, c in memory; c.ratio == best_ratio})

best := memory[best_key]

reduction_result := result.pending("a benchmark report with a recorded baseline") if {
	not input.quality.benchmarks
} else := result.error(sprintf("benchmark report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.nothing(concat(" ", [
	"memory benchmark compared with a baseline",
	"(pytest-benchmark extra_info peak_memory_bytes or a benchmark_comparison file)",
])) if {
	count(memory) == 0
} else := result.fail(
	sprintf(
		"best memory reduction %vx < %vx: %s %v -> %v %s (%s)",
		[best_ratio, min_ratio, best.name, best.baseline, best.current, best.unit, best.provenance.ref],
	),
	[best.provenance.ref],
) if {
	best_ratio < min_ratio
} else := result.measured_if(
	best.source_format != "comparison",
	sprintf(
		"memory reduction %vx >= %vx: %s %v -> %v %s (%s)",
		[best_ratio, min_ratio, best.name, best.baseline, best.current, best.unit, best.provenance.ref],
	),
	[best.provenance.ref],
)
