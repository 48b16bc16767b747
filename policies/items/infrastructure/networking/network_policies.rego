# METADATA
# title: "Network Policies: Pod-to-pod communication restricted"
# description: >-
#   Checklist item 4.3.4 (4.3 Networking). Decided from Kubernetes manifests or a Terraform plan.
# custom:
#   id: "4.3.4"
#   section: "4.3 Networking"
#   severity: high
#   criteria:
#     - "Pod-to-pod communication restricted"
#   evidence:
#     - kubernetes
#     - infrastructure
#   remediation: >-
#     Provide Kubernetes manifests or a Terraform plan so gonogo can verify this item.
package gonogo.items.infrastructure.networking.network_policies

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Pod-to-pod communication restricted"] := result.pending("Kubernetes manifests or a Terraform plan")
