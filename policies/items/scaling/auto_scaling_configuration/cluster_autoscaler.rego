# METADATA
# title: "Cluster Autoscaler:"
# description: >-
#   Checklist item 7.1.3 (7.1 Auto-Scaling Configuration). Node scaling rules come from a
#   cluster-autoscaler Deployment (--nodes or --node-group-auto-discovery), Karpenter NodePools
#   with limits, or Terraform node pools whose max exceeds their min (EKS node groups, GKE and
#   AKS pools). The cloud-provider integration is shown working only by a live cluster's
#   cluster-autoscaler-status ConfigMap reporting Healthy.
# custom:
#   id: "7.1.3"
#   section: "7.1 Auto-Scaling Configuration"
#   severity: medium
#   criteria:
#     - "Node scaling rules defined"
#     - "Cloud provider integration tested"
#   evidence:
#     - kubernetes.autoscaling
#     - infrastructure.node_pools
#     - infrastructure.kubernetes_clusters
#   remediation: >-
#     Deploy cluster-autoscaler with --cloud-provider and --nodes/--node-group-auto-discovery (or
#     Karpenter NodePools with limits, or autoscaling node pools in Terraform), and verify it
#     against the live cluster (its cluster-autoscaler-status ConfigMap must say Healthy).
package gonogo.items.scaling.auto_scaling_configuration.cluster_autoscaler

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

autoscalers := k8s.table(["autoscaling", "cluster_autoscalers"])

karpenter := k8s.table(["autoscaling", "node_pools"])

pools := k8s.infra_table(["node_pools"])

# Managed clusters in the plan: subjects whose nodes need a scaling rule.
_clusters := k8s.infra_table(["kubernetes_clusters"])

rules contains sprintf("cluster-autoscaler %s (%s)", [a.name, k8s.ref(a)]) if {
	some a in autoscalers
	count(a.node_groups) + count(a.auto_discovery) > 0
}

rules contains sprintf("Karpenter %s %s (%s)", [p.kind, p.name, k8s.ref(p)]) if {
	some p in karpenter
	count(p.limits) > 0
}

rules contains sprintf("%s autoscales %v-%v nodes", [p.address, p.min_nodes, p.max_nodes]) if {
	some p in pools
	p.autoscaling
}

_problems contains sprintf("cluster-autoscaler %s (%s): neither --nodes nor --node-group-auto-discovery", [a.name, k8s.ref(a)]) if {
	some a in autoscalers
	count(a.node_groups) + count(a.auto_discovery) == 0
}

_problems contains sprintf("Karpenter %s %s (%s): no limits", [p.kind, p.name, k8s.ref(p)]) if {
	some p in karpenter
	count(p.limits) == 0
}

_problems contains sprintf("node pool %s: fixed size (min %v, max %v)", [p.address, p.min_nodes, p.max_nodes]) if {
	some p in pools
	not p.autoscaling
}

_evidence := array.flatten([k8s.refs(autoscalers), k8s.refs(karpenter), k8s.refs(pools)])

criteria["Node scaling rules defined"] := result.pending("a cluster-autoscaler, Karpenter or node-pool definition") if {
	not k8s.collected
	not k8s.infra_collected
} else := result.fail(concat("; ", sort(_problems)), _evidence) if {
	count(rules) == 0
	count(_problems) > 0
} else := result.fail(
	"no cluster-autoscaler Deployment, Karpenter NodePool or autoscaling node pool found for the cluster(s) in the plan",
	k8s.refs(_clusters),
) if {
	count(rules) == 0
	count(_clusters) > 0
} else := result.nothing("cluster-autoscaler Deployment, Karpenter NodePool, node pool or cluster") if {
	count(rules) == 0
} else := result.pass(concat("; ", sort(rules)), _evidence)

status := k8s.table(["autoscaling", "status"])

criteria["Cloud provider integration tested"] := result.pass(
	sprintf("cluster-autoscaler-status reports Health: %s", [status.health]),
	[k8s.ref(status)],
) if {
	status.health == "Healthy"
} else := result.fail(
	sprintf("cluster-autoscaler-status (%s) reports Health: %v", [k8s.ref(status), status.health]),
	[k8s.ref(status)],
) if {
	status.name
} else := result.pending("a live cluster's cluster-autoscaler-status ConfigMap (collect with --kubeconfig) or an attestation")
