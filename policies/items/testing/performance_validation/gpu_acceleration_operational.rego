# METADATA
# title: "GPU acceleration operational (where available)"
# description: >-
#   Checklist item 1.2.5 (1.2 Performance Validation). Decided from GPU benchmark or smoke-test results.
# custom:
#   id: "1.2.5"
#   section: "1.2 Performance Validation"
#   severity: medium
#   criteria:
#     - "GPU acceleration operational (where available)"
#   evidence:
#     - quality.benchmarks
#   remediation: >-
#     Provide GPU benchmark or smoke-test results so gonogo can verify this item.
package gonogo.items.testing.performance_validation.gpu_acceleration_operational

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["GPU acceleration operational (where available)"] := result.pending("GPU benchmark or smoke-test results")
