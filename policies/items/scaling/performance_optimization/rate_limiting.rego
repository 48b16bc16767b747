# METADATA
# title: "Rate Limiting: Implemented per tenant"
# description: >-
#   Checklist item 7.2.5 (7.2 Performance Optimization). Decided from rate-limit configuration or probe headers.
# custom:
#   id: "7.2.5"
#   section: "7.2 Performance Optimization"
#   severity: medium
#   criteria:
#     - "Implemented per tenant"
#   evidence:
#     - security.probe
#     - security.dependencies
#   remediation: >-
#     Provide rate-limit configuration or probe headers so gonogo can verify this item.
package gonogo.items.scaling.performance_optimization.rate_limiting

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Implemented per tenant"] := result.pending("rate-limit configuration or probe headers")
