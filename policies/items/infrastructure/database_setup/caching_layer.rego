# METADATA
# title: "Caching Layer:"
# description: >-
#   Checklist item 4.2.2 (4.2 Database Setup). Decided from database objects in manifests or a Terraform plan.
# custom:
#   id: "4.2.2"
#   section: "4.2 Database Setup"
#   severity: medium
#   criteria:
#     - "Redis cluster deployed (if using)"
#     - "Cache invalidation strategy defined"
#     - "TTL policies configured"
#   evidence:
#     - kubernetes.databases
#     - infrastructure.databases
#   remediation: >-
#     Provide database objects in manifests or a Terraform plan so gonogo can verify this item.
package gonogo.items.infrastructure.database_setup.caching_layer

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Redis cluster deployed (if using)"] := result.pending("database objects in manifests or a Terraform plan")
criteria["Cache invalidation strategy defined"] := result.pending("database objects in manifests or a Terraform plan")
criteria["TTL policies configured"] := result.pending("database objects in manifests or a Terraform plan")
