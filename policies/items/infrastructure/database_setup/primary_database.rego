# METADATA
# title: "Primary Database:"
# description: >-
#   Checklist item 4.2.1 (4.2 Database Setup). Decided from database objects in manifests or a Terraform plan.
# custom:
#   id: "4.2.1"
#   section: "4.2 Database Setup"
#   severity: critical
#   criteria:
#     - "PostgreSQL/SQLite configured"
#     - "Connection pooling optimized"
#     - "Indexes created for performance"
#     - "Query optimization validated"
#   evidence:
#     - kubernetes.databases
#     - infrastructure.databases
#   remediation: >-
#     Provide database objects in manifests or a Terraform plan so gonogo can verify this item.
package gonogo.items.infrastructure.database_setup.primary_database

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["PostgreSQL/SQLite configured"] := result.pending("database objects in manifests or a Terraform plan")
criteria["Connection pooling optimized"] := result.pending("database objects in manifests or a Terraform plan")
criteria["Indexes created for performance"] := result.pending("database objects in manifests or a Terraform plan")
criteria["Query optimization validated"] := result.pending("database objects in manifests or a Terraform plan")
