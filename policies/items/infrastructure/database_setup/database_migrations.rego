# METADATA
# title: "Database Migrations:"
# description: >-
#   Checklist item 4.2.3 (4.2 Database Setup). Decided from migration test results and a pre-migration backup record.
# custom:
#   id: "4.2.3"
#   section: "4.2 Database Setup"
#   severity: critical
#   criteria:
#     - "Migration scripts tested"
#     - "Rollback procedures verified"
#     - "Data integrity checks passed"
#     - "Backup taken before migration"
#   evidence:
#     - operations.migrations
#     - attestations
#   remediation: >-
#     Provide migration test results and a pre-migration backup record so gonogo can verify this item.
package gonogo.items.infrastructure.database_setup.database_migrations

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Migration scripts tested"] := result.pending("migration test results and a pre-migration backup record")
criteria["Rollback procedures verified"] := result.pending("migration test results and a pre-migration backup record")
criteria["Data integrity checks passed"] := result.pending("migration test results and a pre-migration backup record")
criteria["Backup taken before migration"] := result.pending("migration test results and a pre-migration backup record")
