# METADATA
# title: "Vertical Pod Autoscaler:"
# description: >-
#   Checklist item 7.1.2 (7.1 Auto-Scaling Configuration). Decided from workload containers and
#   VerticalPodAutoscalers in manifests or a live cluster. Requests are "optimized" when every
#   container declares CPU and memory requests and at least one VPA (any update mode, "Off" gives
#   recommendations) targets an existing workload, without fighting a CPU/memory HPA in Auto mode.
#   Limits are appropriate when every container has a memory limit and no limit is below its request.
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
#     Set resources.requests.cpu and .memory on every container, deploy a VerticalPodAutoscaler
#     (updateMode "Off" for recommendations when an HPA scales the same workload), and set a
#     memory limit no lower than the request on every container.
package gonogo.items.scaling.auto_scaling_configuration.vertical_pod_autoscaler

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

workloads := k8s.table(["workloads"])

vpas := k8s.table(["autoscaling", "vpas"])

_needs := "workloads and VerticalPodAutoscalers from manifests or a live cluster"

_none := "no workloads found in the manifests or cluster"

criteria["Resource requests optimized"] := k8s.decide(
	k8s.present, _needs, workloads, _none, request_problems,
	sprintf("%d workloads declare CPU and memory requests; %d VPAs", [count(workloads), count(vpas)]),
)

criteria["Limits defined appropriately"] := k8s.decide(
	k8s.present, _needs, workloads, _none, limit_problems,
	sprintf("%d workloads: memory limits set, no limit below its request", [count(workloads)]),
)

_no_vpa := "no VerticalPodAutoscaler found: requests are not tuned from observed usage"

_containers contains [w, c] if {
	some w in workloads
	some c in w.containers
	not c.init
}

request_problems contains {"message": msg, "ref": k8s.ref(w)} if {
	some [w, c] in _containers
	some resource in ["cpu", "memory"]
	not c.requests[resource]
	msg := sprintf("%s %s (%s) container %s: no %s request", [w.kind, w.name, k8s.ref(w), c.name, resource])
}

request_problems contains {"message": _no_vpa, "ref": "kubernetes.autoscaling.vpas"} if {
	count(vpas) == 0
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

limit_problems contains {"message": msg, "ref": k8s.ref(w)} if {
	some [w, c] in _containers
	not c.limits.memory
	msg := sprintf("%s %s (%s) container %s: no memory limit", [w.kind, w.name, k8s.ref(w), c.name])
}

limit_problems contains {"message": msg, "ref": k8s.ref(w)} if {
	some [w, c] in _containers
	some resource in ["cpu", "memory"]
	c.limits_parsed[resource] < c.requests_parsed[resource]
	msg := sprintf(
		"%s %s (%s) container %s: %s limit %s < request %s",
		[w.kind, w.name, k8s.ref(w), c.name, resource, c.limits[resource], c.requests[resource]],
	)
}
