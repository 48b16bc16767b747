# METADATA
# title: "Encryption at Rest: Database encryption active"
# description: >-
#   Checklist item 2.2.8 (2.2 Security Hardening). Decided from the managed databases and caches
#   in a Terraform plan: RDS/Aurora storage_encrypted, ElastiCache at_rest_encryption_enabled,
#   Cloud SQL/Memorystore/Azure (always encrypted by the provider, customer keys noted), DynamoDB
#   server-side encryption.
# custom:
#   id: "2.2.8"
#   section: "2.2 Security Hardening"
#   severity: critical
#   criteria:
#     - "Database encryption active"
#   evidence:
#     - infrastructure.databases
#   remediation: >-
#     Set storage_encrypted = true (RDS/Aurora, with a KMS key) or at_rest_encryption_enabled = true
#     (ElastiCache); an existing unencrypted RDS instance must be restored from an encrypted snapshot.
package gonogo.items.security.security_hardening.encryption_at_rest

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

databases := k8s.infra_table(["databases"])

problems contains {"message": msg, "ref": k8s.ref(d)} if {
	some d in databases
	not d.storage_encrypted in {true, "provider_default"}
	msg := sprintf("%s (%s %s): storage encryption %v", [d.address, d.type, d.engine, d.storage_encrypted])
}

criteria["Database encryption active"] := result.unless_false("has_database", k8s.judge(
	k8s.infra_present, "a Terraform plan with the managed databases", databases,
	"managed database in the Terraform plan", problems,
	sprintf("storage encrypted on %d managed database(s)", [count(databases)]),
))
