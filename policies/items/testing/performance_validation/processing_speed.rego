# METADATA
# title: "Processing speed: 649x improvement verified"
# description: >-
#   Checklist item 1.2.2 (1.2 Performance Validation). Decided from benchmark results compared with
#   a recorded baseline (pytest-benchmark groups with a baseline member, or a benchmark_comparison
#   file with time or throughput results): the best speed-up (baseline time / current time, or
#   current throughput / baseline throughput) is at least benchmarks.speed_ratio.
# custom:
#   id: "1.2.2"
#   section: "1.2 Performance Validation"
#   severity: low
#   criteria:
#     - "649x improvement verified"
#   evidence:
#     - quality.benchmarks
#   remediation: >-
#     Benchmark the baseline and the current implementation in the same report (a pytest-benchmark
#     group with a baseline member, or a benchmark_comparison file) so the claimed speed-up can be
#     checked, or correct the claim.
#   thresholds:
#     - name: benchmarks.speed_ratio
#       default: 649
#       unit: ratio
#       description: Lowest processing-speed ratio accepted.
package gonogo.items.testing.performance_validation.processing_speed

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

criteria["649x improvement verified"] := speedup_result

min_ratio := result.threshold("benchmarks.speed_ratio", 649)

unreadable := input.quality.benchmarks.unreadable

# METADATA
# description: Time and throughput benchmarks compared with a baseline.
speed[key] := c if {
	some key, c in input.quality.benchmarks.comparisons
	c.metric in {"time", "throughput"}
	is_number(c.ratio)
}

best_ratio := max({c.ratio | some c in speed})

best_key := min({key | some key, c in speed; c.ratio == best_ratio})

best := speed[best_key]

speedup_result := result.pending("a benchmark report with a recorded baseline") if {
	not input.quality.benchmarks
} else := result.error(sprintf("benchmark report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.nothing(concat(" ", [
	"time or throughput benchmark compared with a baseline",
	"(a pytest-benchmark group with a baseline member or a benchmark_comparison file)",
])) if {
	count(speed) == 0
} else := result.fail(
	sprintf(
		"best speed-up %vx < %vx: %s %v -> %v %s (%s)",
		[best_ratio, min_ratio, best.name, best.baseline, best.current, best.unit, best.provenance.ref],
	),
	[best.provenance.ref],
) if {
	best_ratio < min_ratio
} else := result.measured_if(
	best.source_format != "comparison",
	sprintf(
		"speed-up %vx >= %vx: %s %v -> %v %s (%s)",
		[best_ratio, min_ratio, best.name, best.baseline, best.current, best.unit, best.provenance.ref],
	),
	[best.provenance.ref],
)
