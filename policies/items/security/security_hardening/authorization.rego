# METADATA
# title: "Authorization: RBAC implemented"
# description: >-
#   Checklist item 2.2.7 (2.2 Security Hardening). Decided from Kubernetes RBAC objects.
# custom:
#   id: "2.2.7"
#   section: "2.2 Security Hardening"
#   severity: critical
#   criteria:
#     - "RBAC implemented"
#   evidence:
#     - kubernetes.rbac
#   remediation: >-
#     Provide Kubernetes RBAC objects so gonogo can verify this item.
package gonogo.items.security.security_hardening.authorization

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["RBAC implemented"] := result.pending("Kubernetes RBAC objects")
