# METADATA
# title: "D3-KM: Key Management"
# description: >-
#   Checklist item 2.1.4 (2.1 D3FEND Compliance). Decided from the key-management resources of
#   Terraform plans. Secret rotation: every managed secret (Secrets Manager with its rotation
#   resource, Secret Manager rotation, Vault static roles, Vault leases) rotates automatically
#   at least every secrets.rotation_max_days days; a static Vault KV secret or a secret without
#   rotation fails. Keys stored securely: every KMS / Cloud KMS / Key Vault key rotates
#   automatically, no key policy grants kms:* to any principal, no key material is imported
#   through Terraform, Key Vaults have purge protection. HSM integration: at least one key or
#   key store is HSM-backed (CloudHSM, a CloudHSM custom key store, Cloud KMS protection level
#   HSM or EXTERNAL, Key Vault RSA-HSM / EC-HSM keys or a premium vault, Managed HSM).
# custom:
#   id: "2.1.4"
#   section: "2.1 D3FEND Compliance"
#   severity: critical
#   criteria:
#     - "Secret rotation automated (30-day cycle)"
#     - "Encryption keys stored securely"
#     - "HSM integration ready"
#   evidence:
#     - infrastructure.secrets
#     - infrastructure.keys
#   thresholds:
#     - name: secrets.rotation_max_days
#       default: 30
#       unit: days
#       description: Longest accepted interval between automatic rotations of a managed secret.
#   remediation: >-
#     Rotate every managed secret automatically (aws_secretsmanager_secret_rotation, Secret
#     Manager rotation, Vault dynamic or static roles) within 30 days, enable key rotation and
#     least-privilege key policies on KMS keys, and back keys with an HSM (CloudHSM key store,
#     Cloud KMS HSM protection level, Key Vault HSM keys).
package gonogo.items.security.d3fend.d3_km

import data.gonogo.items.compliance.lib.controls
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

max_days := result.threshold("secrets.rotation_max_days", 30)

secrets := k8s.infra_table(["secrets"])

keys := k8s.infra_table(["keys"])

rotation_problems contains {"message": msg, "ref": k8s.ref(s)} if {
	some s in secrets
	s.rotation_days == null
	msg := sprintf("%s (%s): no automatic rotation", [s.address, s.store])
}

rotation_problems contains {"message": msg, "ref": k8s.ref(s)} if {
	some s in secrets
	s.rotation_days > max_days
	msg := sprintf("%s (%s): rotates every %v days > %v", [s.address, s.store, s.rotation_days, max_days])
}

key_problems contains {"message": sprintf("%s: automatic key rotation off", [k.address]), "ref": k8s.ref(k)} if {
	some k in keys
	k.rotation_enabled == false
}

key_problems contains {"message": sprintf("%s: key policy grants kms:* to any principal", [k.address]), "ref": k8s.ref(k)} if {
	some k in keys
	k.public_policy == true
}

key_problems contains {"message": msg, "ref": k8s.ref(k)} if {
	some k in keys
	k.imported_material == true
	msg := sprintf("%s: key material imported through Terraform (plan and state hold it)", [k.address])
}

key_problems contains {"message": sprintf("%s: Key Vault without purge protection", [k.address]), "ref": k8s.ref(k)} if {
	some k in keys
	k.vault == true
	k.purge_protection == false
}

hsm_backed[key] := k if {
	some key, k in keys
	k.hsm
}

_no_hsm contains {"message": sprintf("%s (%s): not HSM-backed", [k.address, k.store]), "ref": k8s.ref(k)} if {
	count(hsm_backed) == 0
	some k in keys
}

criteria["Secret rotation automated (30-day cycle)"] := controls.judge(
	k8s.infra_present, "a Terraform plan with the managed secrets", secrets,
	"managed secrets (Secrets Manager, Secret Manager, Vault) in the Terraform plan", rotation_problems,
	sprintf("%d secret(s) rotate automatically within %v days", [count(secrets), max_days]),
)

criteria["Encryption keys stored securely"] := controls.judge(
	k8s.infra_present, "a Terraform plan with the encryption keys", keys,
	"encryption keys (KMS, Cloud KMS, Key Vault) in the Terraform plan", key_problems,
	sprintf("%d key(s) and key store(s) in a key management service, rotated, not public", [count(keys)]),
)

criteria["HSM integration ready"] := controls.judge(
	k8s.infra_present, "a Terraform plan with the encryption keys", keys,
	"encryption keys or key stores (KMS, CloudHSM, Cloud KMS, Key Vault) in the Terraform plan", _no_hsm,
	sprintf("HSM-backed: %s", [concat(", ", sort({sprintf("%s (%s)", [k.address, k.store]) | some k in hsm_backed}))]),
)
