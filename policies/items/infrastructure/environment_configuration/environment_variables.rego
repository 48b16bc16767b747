# METADATA
# title: "Environment Variables:"
# description: >-
#   Checklist item 4.1.2 (4.1 Environment Configuration). Decided from Kubernetes manifests or a live cluster.
# custom:
#   id: "4.1.2"
#   section: "4.1 Environment Configuration"
#   severity: critical
#   criteria:
#     - "All secrets stored in Kubernetes Secrets"
#     - "ConfigMaps created for configuration"
#     - "Environment-specific values set"
#     - "Validation script executed"
#   evidence:
#     - kubernetes
#   remediation: >-
#     Provide Kubernetes manifests or a live cluster so gonogo can verify this item.
package gonogo.items.infrastructure.environment_configuration.environment_variables

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["All secrets stored in Kubernetes Secrets"] := result.pending("Kubernetes manifests or a live cluster")
criteria["ConfigMaps created for configuration"] := result.pending("Kubernetes manifests or a live cluster")
criteria["Environment-specific values set"] := result.pending("Kubernetes manifests or a live cluster")
criteria["Validation script executed"] := result.pending("Kubernetes manifests or a live cluster")
