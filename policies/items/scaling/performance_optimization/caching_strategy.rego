# METADATA
# title: "Caching Strategy: Multi-layer caching implemented"
# description: >-
#   Checklist item 7.2.1 (7.2 Performance Optimization). Decided from caching, database and CDN facts.
# custom:
#   id: "7.2.1"
#   section: "7.2 Performance Optimization"
#   severity: low
#   criteria:
#     - "Multi-layer caching implemented"
#   evidence:
#     - kubernetes
#     - infrastructure
#   remediation: >-
#     Provide caching, database and CDN facts so gonogo can verify this item.
package gonogo.items.scaling.performance_optimization.caching_strategy

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Multi-layer caching implemented"] := result.pending("caching, database and CDN facts")
