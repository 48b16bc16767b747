# METADATA
# title: "Smoke Tests: All passing in production"
# description: >-
#   Checklist item 10.1.4 (10.1 Pre-Launch Checklist). Decided from smoke-test results from production.
# custom:
#   id: "10.1.4"
#   section: "10.1 Pre-Launch Checklist"
#   severity: high
#   criteria:
#     - "All passing in production"
#   evidence:
#     - quality.tests
#   remediation: >-
#     Provide smoke-test results from production so gonogo can verify this item.
package gonogo.items.final.pre_launch_checklist.smoke_tests

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["All passing in production"] := result.pending("smoke-test results from production")
