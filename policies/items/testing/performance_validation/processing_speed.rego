# METADATA
# title: "Processing speed: 649x improvement verified"
# description: >-
#   Checklist item 1.2.2 (1.2 Performance Validation). Decided from a benchmark report with a recorded baseline.
# custom:
#   id: "1.2.2"
#   section: "1.2 Performance Validation"
#   severity: low
#   criteria:
#     - "649x improvement verified"
#   evidence:
#     - quality.benchmarks
#   remediation: >-
#     Provide a benchmark report with a recorded baseline so gonogo can verify this item.
package gonogo.items.testing.performance_validation.processing_speed

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["649x improvement verified"] := result.pending("a benchmark report with a recorded baseline")
