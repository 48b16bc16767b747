# METADATA
# title: "Connection Pooling: Database pools sized correctly"
# description: >-
#   Checklist item 7.2.4 (7.2 Performance Optimization). Decided from caching, database and CDN facts.
# custom:
#   id: "7.2.4"
#   section: "7.2 Performance Optimization"
#   severity: medium
#   criteria:
#     - "Database pools sized correctly"
#   evidence:
#     - kubernetes
#     - infrastructure
#   remediation: >-
#     Provide caching, database and CDN facts so gonogo can verify this item.
package gonogo.items.scaling.performance_optimization.connection_pooling

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Database pools sized correctly"] := result.pending("caching, database and CDN facts")
