# METADATA
# title: "Memory efficiency: 28,571x reduction confirmed"
# description: >-
#   Checklist item 1.2.1 (1.2 Performance Validation). Decided from a benchmark report with a recorded baseline.
# custom:
#   id: "1.2.1"
#   section: "1.2 Performance Validation"
#   severity: low
#   criteria:
#     - "28,571x reduction confirmed"
#   evidence:
#     - quality.benchmarks
#   remediation: >-
#     Provide a benchmark report with a recorded baseline so gonogo can verify this item.
package gonogo.items.testing.performance_validation.memory_efficiency

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["28,571x reduction confirmed"] := result.pending("a benchmark report with a recorded baseline")
