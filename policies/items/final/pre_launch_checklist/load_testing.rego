# METADATA
# title: "Load Testing: Production-like load tested"
# description: >-
#   Checklist item 10.1.1 (10.1 Pre-Launch Checklist). Decided from a load-test report.
# custom:
#   id: "10.1.1"
#   section: "10.1 Pre-Launch Checklist"
#   severity: critical
#   criteria:
#     - "Production-like load tested"
#   evidence:
#     - quality.load_tests
#   remediation: >-
#     Provide a load-test report so gonogo can verify this item.
package gonogo.items.final.pre_launch_checklist.load_testing

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Production-like load tested"] := result.pending("a load-test report")
