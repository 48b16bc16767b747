# METADATA
# title: "Vertical Pod Autoscaler:"
# description: >-
#   Checklist item 7.1.2 (7.1 Auto-Scaling Configuration). Decided from workload containers and
#   VerticalPodAutoscalers in manifests or a live cluster. Requests are "optimized" when every
#   container - init containers included, since they count in the pod's requests - declares CPU
#   and memory requests and at least one VPA (any update mode, "Off" gives recommendations)
#   targets an existing workload, without fighting a CPU/memory HPA in Auto mode. Limits are
#   appropriate when every container has a CPU and a memory limit (as kube-score, Polaris and
#   Checkov CKV_K8S_11/13 ask) and no limit is below its request. A finding is cited at the
#   container's resources line (or the container's line when it has none); no workload
#   collected is pending.
# custom:
#   id: "7.1.2"
#   section: "7.1 Auto-Scaling Configuration"
#   severity: medium
#   criteria:
#     - "Resource requests optimized"
#     - "Limits defined appropriately"
#   evidence:
#     - kubernetes.autoscaling
#     - kubernetes.workloads
#   remediation: >-
#     Set resources.requests.cpu and .memory on every container (init containers too), deploy a
#     VerticalPodAutoscaler (updateMode "Off" for recommendations when an HPA scales the same
#     workload), and set CPU and memory limits no lower than the requests on every container.
package gonogo.items.scaling.auto_scaling_configuration.vertical_pod_autoscaler

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.result
import data.gonogo.lib.workloads as wl

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

workloads := k8s.table(["workloads"])

vpas := k8s.table(["autoscaling", "vpas"])

_needs := "workloads and VerticalPodAutoscalers from manifests or a live cluster"

criteria["Resource requests optimized"] := wl.decide(
	_needs, "workload", workloads, request_problems,
	sprintf("%d workloads declare CPU and memory requests; %d VPAs", [count(workloads), count(vpas)]),
)

criteria["Limits defined appropriately"] := wl.decide(
	_needs, "workload", workloads, limit_problems,
	sprintf("%d workloads: CPU and memory limits set, no limit below its request", [count(workloads)]),
)

_no_vpa := "no VerticalPodAutoscaler found: requests are not tuned from observed usage"

request_problems contains {"message": msg, "ref": ref} if {
	some [_, w, c] in wl.all_containers
	some resource in ["cpu", "memory"]
	not c.requests[resource]
	ref := wl.field(w, c, "resources")
	msg := sprintf("%s (%s): no %s request", [wl.container_label(w, c), ref, resource])
}

request_problems contains {"message": _no_vpa, "ref": k8s.ref(w)} if {
	count(vpas) == 0
	some w in workloads
}

request_problems contains {"message": msg, "ref": k8s.ref(v)} if {
	some v in vpas
	v.target_found == false
	msg := sprintf("vpa %s (%s): targetRef %s not found", [v.name, k8s.ref(v), v.target_key])
}

request_problems contains {"message": msg, "ref": k8s.ref(v)} if {
	some v in vpas
	v.update_mode != "Off"
	v.update_mode != "Initial"
	count(object.get(workloads, [v.target_key, "hpas"], [])) > 0
	msg := sprintf(
		"vpa %s (%s): updateMode %s on %s, which an HPA also scales (use updateMode Off)",
		[v.name, k8s.ref(v), v.update_mode, v.target_key],
	)
}

limit_problems contains {"message": msg, "ref": ref} if {
	some [_, w, c] in wl.all_containers
	some resource in ["cpu", "memory"]
	not c.limits[resource]
	ref := wl.field(w, c, "resources")
	msg := sprintf("%s (%s): no %s limit", [wl.container_label(w, c), ref, resource])
}

limit_problems contains {"message": msg, "ref": ref} if {
	some [_, w, c] in wl.all_containers
	some resource in ["cpu", "memory"]
	c.limits_parsed[resource] < c.requests_parsed[resource]
	ref := wl.field(w, c, "limits")
	msg := sprintf(
		"%s (%s): %s limit %s < request %s",
		[wl.container_label(w, c), ref, resource, c.limits[resource], c.requests[resource]],
	)
}
