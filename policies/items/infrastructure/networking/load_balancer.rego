# METADATA
# title: "Load Balancer: Configured and tested"
# description: >-
#   Checklist item 4.3.1 (4.3 Networking). Decided from Kubernetes manifests or a Terraform plan.
# custom:
#   id: "4.3.1"
#   section: "4.3 Networking"
#   severity: high
#   criteria:
#     - "Configured and tested"
#   evidence:
#     - kubernetes
#     - infrastructure
#   remediation: >-
#     Provide Kubernetes manifests or a Terraform plan so gonogo can verify this item.
package gonogo.items.infrastructure.networking.load_balancer

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Configured and tested"] := result.pending("Kubernetes manifests or a Terraform plan")
