# METADATA
# title: "Performance Baseline: Benchmarks recorded"
# description: >-
#   Checklist item 10.1.3 (10.1 Pre-Launch Checklist). Decided from a recorded benchmark baseline.
# custom:
#   id: "10.1.3"
#   section: "10.1 Pre-Launch Checklist"
#   severity: high
#   criteria:
#     - "Benchmarks recorded"
#   evidence:
#     - quality.benchmarks
#   remediation: >-
#     Provide a recorded benchmark baseline so gonogo can verify this item.
package gonogo.items.final.pre_launch_checklist.performance_baseline

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Benchmarks recorded"] := result.pending("a recorded benchmark baseline")
