# METADATA
# title: "Encryption at Rest: Database encryption active"
# description: >-
#   Checklist item 2.2.8 (2.2 Security Hardening). Decided from a Terraform plan with database storage encryption.
# custom:
#   id: "2.2.8"
#   section: "2.2 Security Hardening"
#   severity: critical
#   criteria:
#     - "Database encryption active"
#   evidence:
#     - infrastructure.databases
#   remediation: >-
#     Provide a Terraform plan with database storage encryption so gonogo can verify this item.
package gonogo.items.security.security_hardening.encryption_at_rest

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Database encryption active"] := result.pending("a Terraform plan with database storage encryption")
