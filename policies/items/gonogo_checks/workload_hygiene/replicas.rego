# METADATA
# title: "Replicas: at least 3 for every production workload"
# description: >-
#   gonogo's own item G.1.2. 7.1.1 judges the HorizontalPodAutoscalers that exist; this item
#   judges every replicated workload of the service (Deployment, StatefulSet, ReplicaSet, Argo
#   Rollout outside the kube-* namespaces): it keeps at least 3 replicas, either as
#   spec.replicas or as the minReplicas of an HPA that targets it (the HPA decides the count
#   when there is one). One replica is one node drain or crash away from an outage. A shortfall
#   is cited at the spec.replicas line (or at the spec when replicas is not written, the API's
#   default of 1).
# custom:
#   id: "G.1.2"
#   section: "G.1 Workload Hygiene"
#   section_title: "gonogo's Own Checks"
#   severity: high
#   criteria:
#     - "At least 3 replicas, or an HPA with minReplicas of at least 3"
#   evidence:
#     - kubernetes.workloads
#     - kubernetes.autoscaling
#   remediation: >-
#     Set spec.replicas to 3 or more (threshold workloads.min_replicas), or target the workload
#     with a HorizontalPodAutoscaler whose minReplicas is 3 or more, and spread the replicas over
#     nodes and zones (topologySpreadConstraints or pod anti-affinity).
#   thresholds:
#     - name: workloads.min_replicas
#       default: 3
#       unit: count
#       description: Fewest replicas a production workload may keep (its spec.replicas or its HPA's minReplicas).
package gonogo.items.gonogo_checks.workload_hygiene.replicas

import data.gonogo.lib.kubernetes as k8s
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

min_replicas := result.threshold("workloads.min_replicas", 3)

subjects[key] := w if {
	some key, w in workloads.service_workloads
	w.kind in workloads.replicated_kinds
}

problems contains {"message": msg, "ref": ref} if {
	some w in subjects
	workloads.min_replicas(w) < min_replicas
	ref := workloads.workload_field(w, "replicas")
	msg := sprintf("%s %s (%s): %s < %v", [w.kind, k8s.display(w), ref, workloads.replicas_source(w), min_replicas])
}

criteria["At least 3 replicas, or an HPA with minReplicas of at least 3"] := workloads.decide(
	"workloads from manifests or a live cluster",
	"replicated workload (Deployment, StatefulSet, ReplicaSet, Rollout)",
	subjects, problems,
	sprintf("%d replicated workloads keep at least %v replicas", [count(subjects), min_replicas]),
)
