# METADATA
# title: "CDN Configuration: Static assets cached"
# description: >-
#   Checklist item 7.2.3 (7.2 Performance Optimization). Decided from caching, database and CDN facts.
# custom:
#   id: "7.2.3"
#   section: "7.2 Performance Optimization"
#   severity: medium
#   criteria:
#     - "Static assets cached"
#   evidence:
#     - kubernetes
#     - infrastructure
#   remediation: >-
#     Provide caching, database and CDN facts so gonogo can verify this item.
package gonogo.items.scaling.performance_optimization.cdn_configuration

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Static assets cached"] := result.unless_false("uses_cdn", result.pending("CDN facts (a CDN distribution in a Terraform plan)"))
