# METADATA
# title: "Pod Disruption Budgets: every replicated workload has one that allows evictions"
# description: >-
#   gonogo's own item G.1.3. A workload that runs more than one replica (its spec.replicas, or
#   its HPA's minReplicas) is selected by a PodDisruptionBudget, so that a node drain or a
#   cluster upgrade keeps some of its pods serving; the PDB's whole label selector is matched
#   against the pod template's labels (policy/v1: an empty selector selects every pod of the
#   namespace). A PDB that allows no eviction at all - maxUnavailable 0 or 0%, or a
#   minAvailable that, rounded up as Kubernetes does, is at least the replicas it selects - blocks
#   every drain and is a finding too, as is a pod selected by two PDBs (the eviction API refuses
#   to evict it). Kubernetes' own kube-* namespaces are left out.
# custom:
#   id: "G.1.3"
#   section: "G.1 Workload Hygiene"
#   section_title: "gonogo's Own Checks"
#   severity: medium
#   criteria:
#     - "PodDisruptionBudget for every workload with more than one replica"
#     - "No PodDisruptionBudget blocks every eviction"
#   evidence:
#     - kubernetes.workloads
#     - kubernetes.pdbs
#     - kubernetes.autoscaling
#   remediation: >-
#     Add a policy/v1 PodDisruptionBudget whose selector matches the pod template's labels, with
#     maxUnavailable 1 (or a minAvailable below the replica count), one PDB per workload.
package gonogo.items.gonogo_checks.workload_hygiene.disruption_budgets

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

replicated[key] := w if {
	some key, w in workloads.service_workloads
	w.kind in workloads.replicated_kinds
	workloads.min_replicas(w) > 1
}

pdbs[key] := p if {
	some key, p in k8s.table(["pdbs"])
	not k8s.system_namespace(p.namespace)
}

_labels(w) := concat(",", sort([sprintf("%s=%s", [k, v]) | some k, v in object.get(w, "pod_labels", {})]))

missing contains {"message": msg, "ref": ref} if {
	some w in replicated
	count(object.get(w, "pdbs", [])) == 0
	ref := workloads.workload_field(w, "replicas")
	msg := sprintf(
		"%s %s (%s): %s, and no PodDisruptionBudget selects its pods (labels %s)",
		[w.kind, k8s.display(w), ref, workloads.replicas_source(w), _labels(w)],
	)
}

_selected(p) := [w | some key in object.get(p, "selected_workloads", []); w := k8s.table(["workloads"])[key]]

_at(p) := object.get(p, ["at", "budget"], k8s.ref(p))

blocking contains {"message": msg, "ref": _at(p)} if {
	some p in pdbs
	_zero(p)
	msg := sprintf("pdb %s (%s): maxUnavailable %v allows no eviction", [k8s.display(p), _at(p), p.max_unavailable])
}

blocking contains {"message": msg, "ref": _at(p)} if {
	some p in pdbs
	some w in _selected(p)
	_required(p, workloads.min_replicas(w)) >= workloads.min_replicas(w)
	msg := sprintf(
		"pdb %s (%s): minAvailable %v of %s %s's %s allows no eviction",
		[k8s.display(p), _at(p), p.min_available, w.kind, w.name, workloads.replicas_source(w)],
	)
}

blocking contains {"message": msg, "ref": workloads.workload_field(w, "replicas")} if {
	some w in workloads.service_workloads
	count(object.get(w, "pdbs", [])) > 1
	msg := sprintf(
		"%s %s (%s): selected by %d PodDisruptionBudgets (%s); the eviction API refuses to evict its pods",
		[w.kind, k8s.display(w), workloads.workload_field(w, "replicas"), count(w.pdbs), concat(", ", sort(w.pdbs))],
	)
}

_zero(p) if p.max_unavailable == 0

_zero(p) if p.max_unavailable_percent == 0

# the pods minAvailable keeps (a percentage is rounded up, as the disruption controller does)
_required(p, _) := p.min_available if is_number(p.min_available)

_required(p, replicas) := ceil((p.min_available_percent * replicas) / 100) if is_number(p.min_available_percent)

_needs := "workloads and PodDisruptionBudgets from manifests or a live cluster"

criteria["PodDisruptionBudget for every workload with more than one replica"] := workloads.decide(
	_needs, "workload with more than one replica", replicated, missing,
	sprintf("%d workloads with more than one replica: each has a PodDisruptionBudget", [count(replicated)]),
)

criteria["No PodDisruptionBudget blocks every eviction"] := workloads.decide(
	_needs, "PodDisruptionBudget", pdbs, blocking,
	sprintf("%d PodDisruptionBudgets: each allows at least one eviction", [count(pdbs)]),
)
