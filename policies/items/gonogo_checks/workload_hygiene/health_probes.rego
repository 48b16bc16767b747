# METADATA
# title: "Health Probes: liveness and readiness on every container"
# description: >-
#   gonogo's own item G.1.1 (no seed item covers it). Every container that runs for the pod's
#   life - the containers of Deployments, StatefulSets, DaemonSets, ReplicaSets, Pods and Argo
#   Rollouts, and native sidecars (init containers with restartPolicy Always) - has a liveness
#   probe (the kubelet restarts a hung process) and a readiness probe (no traffic before it can
#   serve). Jobs, CronJobs and init containers that run to completion are not judged, as
#   kube-score, Polaris and Checkov (CKV_K8S_8, CKV_K8S_9) do not judge them. Kubernetes' own
#   kube-* namespaces are left out. A missing probe is cited at the container's line.
# custom:
#   id: "G.1.1"
#   section: "G.1 Workload Hygiene"
#   section_title: "gonogo's Own Checks"
#   severity: high
#   criteria:
#     - "Liveness probe on every container"
#     - "Readiness probe on every container"
#   evidence:
#     - kubernetes.workloads
#   remediation: >-
#     Give every long-running container a livenessProbe (a cheap check that the process is not
#     stuck) and a readinessProbe (the endpoint that says it can serve); for slow starters add a
#     startupProbe rather than a long initialDelaySeconds.
package gonogo.items.gonogo_checks.workload_hygiene.health_probes

import data.gonogo.lib.result
import data.gonogo.lib.workloads

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

_needs := "workloads from manifests or a live cluster"

_what := "long-running workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod, Rollout)"

subjects[key] := w if {
	some [key, w, _] in workloads.running_containers
}

_problems(probe) := {{"message": msg, "ref": ref} |
	some [_, w, c] in workloads.running_containers
	object.get(c, ["probes", probe], null) == null
	ref := workloads.field(w, c, "container")
	msg := sprintf("%s (%s): no %sProbe", [workloads.container_label(w, c), ref, probe])
}

criteria["Liveness probe on every container"] := workloads.decide(
	_needs, _what, subjects, _problems("liveness"),
	sprintf("%d long-running workloads: every container has a livenessProbe", [count(subjects)]),
)

criteria["Readiness probe on every container"] := workloads.decide(
	_needs, _what, subjects, _problems("readiness"),
	sprintf("%d long-running workloads: every container has a readinessProbe", [count(subjects)]),
)
