# METADATA
# title: "Smoke Tests: Run immediately post-deployment"
# description: >-
#   Checklist item 10.3.1 (10.3 Post-Deployment). Decided from post-deployment smoke-test results.
# custom:
#   id: "10.3.1"
#   section: "10.3 Post-Deployment"
#   severity: high
#   criteria:
#     - "Run immediately post-deployment"
#   evidence:
#     - quality.tests
#   remediation: >-
#     Provide post-deployment smoke-test results so gonogo can verify this item.
package gonogo.items.final.post_deployment.smoke_tests

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Run immediately post-deployment"] := result.pending("post-deployment smoke-test results")
