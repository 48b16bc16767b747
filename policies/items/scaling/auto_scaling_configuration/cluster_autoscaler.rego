# METADATA
# title: "Cluster Autoscaler:"
# description: >-
#   Checklist item 7.1.3 (7.1 Auto-Scaling Configuration). Decided from autoscaler objects in manifests or a live cluster.
# custom:
#   id: "7.1.3"
#   section: "7.1 Auto-Scaling Configuration"
#   severity: medium
#   criteria:
#     - "Node scaling rules defined"
#     - "Cloud provider integration tested"
#   evidence:
#     - kubernetes.autoscaling
#   remediation: >-
#     Provide autoscaler objects in manifests or a live cluster so gonogo can verify this item.
package gonogo.items.scaling.auto_scaling_configuration.cluster_autoscaler

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Node scaling rules defined"] := result.pending("autoscaler objects in manifests or a live cluster")
criteria["Cloud provider integration tested"] := result.pending("autoscaler objects in manifests or a live cluster")
