# METADATA
# title: "DNS: Records created and propagated"
# description: >-
#   Checklist item 4.3.2 (4.3 Networking). Decided from Kubernetes manifests or a Terraform plan.
# custom:
#   id: "4.3.2"
#   section: "4.3 Networking"
#   severity: medium
#   criteria:
#     - "Records created and propagated"
#   evidence:
#     - kubernetes
#     - infrastructure
#   remediation: >-
#     Provide Kubernetes manifests or a Terraform plan so gonogo can verify this item.
package gonogo.items.infrastructure.networking.dns

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Records created and propagated"] := result.pending("Kubernetes manifests or a Terraform plan")
