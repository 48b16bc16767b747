# METADATA
# title: "Smoke Tests: Ready for deployment"
# description: >-
#   Checklist item 1.1.5 (1.1 Test Coverage). Decided from smoke-test results (JUnit XML).
# custom:
#   id: "1.1.5"
#   section: "1.1 Test Coverage"
#   severity: critical
#   criteria:
#     - "Health check endpoints functional"
#     - "Critical user flows validated"
#   evidence:
#     - quality.tests
#   remediation: >-
#     Provide smoke-test results (JUnit XML) so gonogo can verify this item.
package gonogo.items.testing.test_coverage.smoke_tests

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Health check endpoints functional"] := result.pending("smoke-test results (JUnit XML)")
criteria["Critical user flows validated"] := result.pending("smoke-test results (JUnit XML)")
