# METADATA
# title: "Vertical Pod Autoscaler:"
# description: >-
#   Checklist item 7.1.2 (7.1 Auto-Scaling Configuration). Decided from autoscaler objects in manifests or a live cluster.
# custom:
#   id: "7.1.2"
#   section: "7.1 Auto-Scaling Configuration"
#   severity: medium
#   criteria:
#     - "Resource requests optimized"
#     - "Limits defined appropriately"
#   evidence:
#     - kubernetes.autoscaling
#   remediation: >-
#     Provide autoscaler objects in manifests or a live cluster so gonogo can verify this item.
package gonogo.items.scaling.auto_scaling_configuration.vertical_pod_autoscaler

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Resource requests optimized"] := result.pending("autoscaler objects in manifests or a live cluster")
criteria["Limits defined appropriately"] := result.pending("autoscaler objects in manifests or a live cluster")
