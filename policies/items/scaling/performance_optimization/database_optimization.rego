# METADATA
# title: "Database Optimization: Queries indexed and optimized"
# description: >-
#   Checklist item 7.2.2 (7.2 Performance Optimization). Decided from caching, database and CDN facts.
# custom:
#   id: "7.2.2"
#   section: "7.2 Performance Optimization"
#   severity: medium
#   criteria:
#     - "Queries indexed and optimized"
#   evidence:
#     - kubernetes
#     - infrastructure
#   remediation: >-
#     Provide caching, database and CDN facts so gonogo can verify this item.
package gonogo.items.scaling.performance_optimization.database_optimization

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Queries indexed and optimized"] := result.pending("caching, database and CDN facts")
