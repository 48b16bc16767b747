# METADATA
# title: "D3-KM: Key Management"
# description: >-
#   Checklist item 2.1.4 (2.1 D3FEND Compliance). Decided from secret-rotation and key-management facts (Kubernetes Secrets, KMS in a Terraform plan).
# custom:
#   id: "2.1.4"
#   section: "2.1 D3FEND Compliance"
#   severity: critical
#   criteria:
#     - "Secret rotation automated (30-day cycle)"
#     - "Encryption keys stored securely"
#     - "HSM integration ready"
#   evidence:
#     - kubernetes.secrets
#     - infrastructure.keys
#   remediation: >-
#     Provide secret-rotation and key-management facts (Kubernetes Secrets, KMS in a Terraform plan) so gonogo can verify this item.
package gonogo.items.security.d3fend.d3_km

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Secret rotation automated (30-day cycle)"] := result.pending(_needs)

criteria["Encryption keys stored securely"] := result.pending(_needs)

criteria["HSM integration ready"] := result.pending(_needs)

_needs := "secret-rotation and key-management facts (Kubernetes Secrets, KMS in a Terraform plan)"
