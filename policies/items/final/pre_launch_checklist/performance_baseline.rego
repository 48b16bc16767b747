# METADATA
# title: "Performance Baseline: Benchmarks recorded"
# description: >-
#   Checklist item 10.1.3 (10.1 Pre-Launch Checklist). Decided from benchmark results compared with
#   a recorded baseline (pytest-benchmark groups with a baseline member, or a benchmark_comparison
#   file with its recorded date): at least one comparison exists, each has the date its baseline
#   was recorded, and none is worse than its baseline by more than benchmarks.max_regression_percent.
# custom:
#   id: "10.1.3"
#   section: "10.1 Pre-Launch Checklist"
#   severity: high
#   criteria:
#     - "Benchmarks recorded"
#   evidence:
#     - quality.benchmarks
#   remediation: >-
#     Record a performance baseline (a benchmark_comparison file with its recorded date, or a
#     pytest-benchmark run with a baseline member per group), keep it next to the current results
#     and fix regressions before launch.
#   thresholds:
#     - name: benchmarks.max_regression_percent
#       default: 10
#       unit: percent
#       description: Largest benchmark regression against the baseline accepted.
package gonogo.items.final.pre_launch_checklist.performance_baseline

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

criteria["Benchmarks recorded"] := baseline_result

max_regression := result.threshold("benchmarks.max_regression_percent", 10)

comparisons := input.quality.benchmarks.comparisons

unreadable := input.quality.benchmarks.unreadable

refs := sort({c.provenance.ref | some c in comparisons})

# METADATA
# description: Comparisons with no baseline date, no ratio, or worse than the baseline beyond the tolerance.
# scope: document
problems contains sprintf("%s: baseline has no recorded date (%s)", [c.name, c.provenance.ref]) if {
	some c in comparisons
	not c.baseline_recorded
}

problems contains sprintf("%s: no ratio (current %v, baseline %v) (%s)", [c.name, c.current, c.baseline, c.provenance.ref]) if {
	some c in comparisons
	not is_number(object.get(c, "ratio", null))
}

problems contains msg if {
	some c in comparisons
	worse := round((1 - c.ratio) * 10000) / 100
	worse > max_regression
	msg := sprintf(
		"%s %s regressed %v %% > %v %%: baseline %v, current %v %s (%s)",
		[c.name, c.metric, worse, max_regression, c.baseline, c.current, c.unit, c.provenance.ref],
	)
}

baseline_result := result.pending("a recorded benchmark baseline") if {
	not input.quality.benchmarks
} else := result.error(sprintf("benchmark report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.nothing("benchmark report (pytest-benchmark JSON or a benchmark_comparison file)") if {
	count(input.quality.benchmarks.reports) == 0
} else := result.fail(
	sprintf("no benchmark compared with a recorded baseline (%d benchmark report(s) found)", [count(input.quality.benchmarks.reports)]),
	sort([ref | some ref, _ in input.quality.benchmarks.reports]),
) if {
	count(comparisons) == 0
} else := result.fail(concat("; ", sort(problems)), refs) if {
	count(problems) > 0
} else := result.measured_if(
	count({c | some c in comparisons; c.source_format == "comparison"}) == 0,
	sprintf("%d benchmark(s) compared with a recorded baseline, none regressed > %v %% (%s)", [count(comparisons), max_regression, concat(", ", refs)]),
	refs,
)
