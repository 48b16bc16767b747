# METADATA
# title: "Throughput targets achieved (10,000 req/sec sustained)"
# description: >-
#   Checklist item 1.2.4 (1.2 Performance Validation). Decided from a load-test report with sustained throughput.
# custom:
#   id: "1.2.4"
#   section: "1.2 Performance Validation"
#   severity: high
#   criteria:
#     - "Throughput targets achieved (10,000 req/sec sustained)"
#   evidence:
#     - quality.load_tests
#   remediation: >-
#     Provide a load-test report with sustained throughput so gonogo can verify this item.
package gonogo.items.testing.performance_validation.throughput_targets_achieved

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Throughput targets achieved (10,000 req/sec sustained)"] := result.pending("a load-test report with sustained throughput")
