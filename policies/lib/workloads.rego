# METADATA
# title: Workload hygiene lookups
# description: >-
#   Shared lookups for the items that judge the service's workloads one by one (section G, 7.1.x,
#   4.3.1): which workloads and containers a check is about, where a field is (the collector's
#   `at` refs point at the field's line, not the document's), and the usual decision with
#   "nothing to judge" as pending (docs/verdicts.md): a criterion fails only on a present
#   subject whose control is missing or wrong, and that fail cites the subject's field.
package gonogo.lib.workloads

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.result

# METADATA
# description: Kinds whose pods run until stopped (probes apply to them; Jobs and CronJobs run to completion).
long_running_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod", "Rollout"}

# METADATA
# description: Kinds that keep a replica count (spec.replicas, or an HPA's minReplicas).
replicated_kinds := {"Deployment", "StatefulSet", "ReplicaSet", "Rollout"}

# METADATA
# description: The service's workloads, keyed "Kind/namespace/name" (Kubernetes' own kube-* namespaces left out).
service_workloads[key] := w if {
	some key, w in k8s.table(["workloads"])
	not k8s.system_namespace(w.namespace)
}

# METADATA
# description: >-
#   [key, workload, container] for every container that runs for the pod's life in a
#   long-running workload: the app containers and native sidecars (an init container with
#   restartPolicy Always). Init containers that run to completion take no probes.
running_containers contains [key, w, c] if {
	some key, w in service_workloads
	w.kind in long_running_kinds
	some c in w.containers
	_runs_for_pod_life(c)
}

_runs_for_pod_life(c) if not c.init

_runs_for_pod_life(c) if c.restart_policy == "Always"

# METADATA
# description: Every [key, workload, container] triple, init containers included.
all_containers contains [key, w, c] if {
	some key, w in k8s.table(["workloads"])
	some c in w.containers
}

# METADATA
# description: The ref of a container's field (its line in the manifest), else the workload's ref.
field(w, c, name) := object.get(c, ["at", name], k8s.ref(w))

# METADATA
# description: The ref of a workload's field (spec.replicas' line), else the workload's ref.
workload_field(w, name) := object.get(w, ["at", name], k8s.ref(w))

# METADATA
# description: How a message names a container - "Deployment shop/web container web" ("init container" for init ones).
container_label(w, c) := sprintf("%s %s %s %s", [w.kind, k8s.display(w), _container_word(c), c.name])

_container_word(c) := "init container" if c.init

else := "container"

# METADATA
# description: >-
#   The replicas a replicated workload keeps at least: the lowest minReplicas of the HPAs that
#   target it, else its spec.replicas (1 when not written, the API default).
min_replicas(w) := object.get(w, "hpa_min_replicas", w.replicas)

# METADATA
# description: How a message says where a workload's replica floor comes from.
replicas_source(w) := sprintf("HPA minReplicas %d", [w.hpa_min_replicas]) if w.hpa_min_replicas

else := sprintf("replicas %d", [w.replicas]) if w.replicas_set

else := sprintf("replicas not set (the default, %d), no HPA", [w.replicas])

# METADATA
# description: >-
#   The decision over one kind of subject: pending when the kubernetes section was not
#   collected (needs names it) or when it holds no subject ("no <what> collected"); fail when a
#   present subject has problems (their messages, their field refs as evidence); else pass.
decide(needs, what, subjects, problems, pass_message) := result.pending(needs) if {
	not k8s.collected
} else := result.nothing(what) if {
	count(subjects) == 0
} else := result.fail(k8s.summary(problems), k8s.problem_refs(problems)) if {
	count(problems) > 0
} else := result.pass(pass_message, k8s.refs(subjects))
