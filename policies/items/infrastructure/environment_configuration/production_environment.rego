# METADATA
# title: "Production Environment:"
# description: >-
#   Checklist item 4.1.1 (4.1 Environment Configuration). Decided from Kubernetes manifests or a live cluster.
# custom:
#   id: "4.1.1"
#   section: "4.1 Environment Configuration"
#   severity: critical
#   criteria:
#     - "Kubernetes cluster provisioned (v1.19+)"
#     - "Node pools configured (min 3 nodes)"
#     - "Namespaces created"
#     - "RBAC policies applied"
#   evidence:
#     - kubernetes
#   remediation: >-
#     Provide Kubernetes manifests or a live cluster so gonogo can verify this item.
package gonogo.items.infrastructure.environment_configuration.production_environment

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Kubernetes cluster provisioned (v1.19+)"] := result.pending("Kubernetes manifests or a live cluster")
criteria["Node pools configured (min 3 nodes)"] := result.pending("Kubernetes manifests or a live cluster")
criteria["Namespaces created"] := result.pending("Kubernetes manifests or a live cluster")
criteria["RBAC policies applied"] := result.pending("Kubernetes manifests or a live cluster")
