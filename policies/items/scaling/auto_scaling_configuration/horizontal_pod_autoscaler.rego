# METADATA
# title: "Horizontal Pod Autoscaler:"
# description: >-
#   Checklist item 7.1.1 (7.1 Auto-Scaling Configuration). Decided from autoscaler objects in manifests or a live cluster.
# custom:
#   id: "7.1.1"
#   section: "7.1 Auto-Scaling Configuration"
#   severity: high
#   criteria:
#     - "Min/max replicas defined (3-20)"
#     - "CPU threshold: 70%"
#     - "Memory threshold: 80%"
#     - "Scale-up/down policies configured"
#   evidence:
#     - kubernetes.autoscaling
#   remediation: >-
#     Provide autoscaler objects in manifests or a live cluster so gonogo can verify this item.
package gonogo.items.scaling.auto_scaling_configuration.horizontal_pod_autoscaler

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Min/max replicas defined (3-20)"] := result.pending("autoscaler objects in manifests or a live cluster")
criteria["CPU threshold: 70%"] := result.pending("autoscaler objects in manifests or a live cluster")
criteria["Memory threshold: 80%"] := result.pending("autoscaler objects in manifests or a live cluster")
criteria["Scale-up/down policies configured"] := result.pending("autoscaler objects in manifests or a live cluster")
