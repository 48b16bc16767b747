# METADATA
# title: "Firewall Rules: Ingress/egress rules defined"
# description: >-
#   Checklist item 4.3.5 (4.3 Networking). Decided from Kubernetes manifests or a Terraform plan.
# custom:
#   id: "4.3.5"
#   section: "4.3 Networking"
#   severity: high
#   criteria:
#     - "Ingress/egress rules defined"
#   evidence:
#     - kubernetes
#     - infrastructure
#   remediation: >-
#     Provide Kubernetes manifests or a Terraform plan so gonogo can verify this item.
package gonogo.items.infrastructure.networking.firewall_rules

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Ingress/egress rules defined"] := result.pending("Kubernetes manifests or a Terraform plan")
