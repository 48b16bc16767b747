# METADATA
# title: "CDN: Static assets cached (if applicable)"
# description: >-
#   Checklist item 4.3.3 (4.3 Networking). Decided from Kubernetes manifests or a Terraform plan.
# custom:
#   id: "4.3.3"
#   section: "4.3 Networking"
#   severity: medium
#   criteria:
#     - "Static assets cached (if applicable)"
#   evidence:
#     - kubernetes
#     - infrastructure
#   remediation: >-
#     Provide Kubernetes manifests or a Terraform plan so gonogo can verify this item.
package gonogo.items.infrastructure.networking.cdn

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Static assets cached (if applicable)"] := result.pending("Kubernetes manifests or a Terraform plan")
