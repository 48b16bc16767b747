# METADATA
# title: "Production Environment:"
# description: >-
#   Checklist item 4.1.1 (4.1 Environment Configuration). The Kubernetes version and node count
#   come from a live cluster (server version, worker nodes) or from a Terraform plan (EKS/GKE/AKS
#   cluster version, node-pool minimum sizes); manifests alone cannot show them. Namespaces and
#   RBAC come from Namespace, Role/ClusterRole and binding objects in manifests or the cluster.
# custom:
#   id: "4.1.1"
#   section: "4.1 Environment Configuration"
#   severity: critical
#   criteria:
#     - "Kubernetes cluster provisioned (v1.19+)"
#     - "Node pools configured (min 3 nodes)"
#     - "Namespaces created"
#     - "RBAC policies applied"
#   evidence:
#     - kubernetes
#     - infrastructure.kubernetes_clusters
#     - infrastructure.node_pools
#   remediation: >-
#     Run a Kubernetes cluster at version 1.19 or later (threshold kubernetes.min_version) with at
#     least 3 worker nodes (kubernetes.min_nodes); declare the service's Namespace and its Roles and
#     RoleBindings in the manifests; keep workloads out of the default namespace.
#   thresholds:
#     - name: kubernetes.min_version
#       default: "1.19"
#       unit: version
#       description: Oldest Kubernetes version (major.minor) accepted for production.
#     - name: kubernetes.min_nodes
#       default: 3
#       unit: count
#       description: Fewest nodes a production cluster may have.
package gonogo.items.infrastructure.environment_configuration.production_environment

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

min_version_text := result.threshold("kubernetes.min_version", "1.19")

min_version := k8s.version_parts(sprintf("%v", [min_version_text]))

min_nodes := result.threshold("kubernetes.min_nodes", 3)

server := k8s.table(["cluster", "server_version"])

tf_clusters := k8s.infra_table(["kubernetes_clusters"])

_cluster_versions contains [c, parts] if {
	some c in tf_clusters
	parts := k8s.version_parts(c.version)
}

_old_clusters contains sprintf("%s: version %s < %s", [c.address, c.version, min_version_text]) if {
	some [c, parts] in _cluster_versions
	not k8s.version_at_least(parts, min_version)
}

criteria["Kubernetes cluster provisioned (v1.19+)"] := result.pass(
	sprintf("API server %s >= %s", [server.git_version, min_version_text]),
	[k8s.ref(server)],
) if {
	k8s.version_at_least([server.major, server.minor], min_version)
} else := result.fail(
	sprintf("API server %s < %s", [server.git_version, min_version_text]),
	[k8s.ref(server)],
) if {
	server.major
} else := result.fail(concat("; ", sort(_old_clusters)), k8s.refs(tf_clusters)) if {
	count(_old_clusters) > 0
} else := result.pass(
	sprintf("%d cluster(s) in the Terraform plan at >= %s or the provider's current default", [count(tf_clusters), min_version_text]),
	k8s.refs(tf_clusters),
) if {
	count(tf_clusters) > 0
} else := result.pending("a live cluster (server version) or a Terraform plan with the cluster")

cluster := k8s.table(["cluster"])

node_count := cluster.worker_node_count

node_count := cluster.node_count if not cluster.worker_node_count

_pool_minimum(p) := p.min_nodes if p.min_nodes != null

_pool_minimum(p) := 0 if p.min_nodes == null

_tf_min_nodes := sum([_pool_minimum(p) | some p in k8s.infra_table(["node_pools"])]) + sum([_pool_minimum(c.default_node_pool) |
	some c in tf_clusters
	c.default_node_pool
])

_tf_pool_refs := array.concat(k8s.refs(k8s.infra_table(["node_pools"])), k8s.refs(tf_clusters))

criteria["Node pools configured (min 3 nodes)"] := result.pass(
	sprintf("%d worker nodes >= %v (pools: %v)", [node_count, min_nodes, object.keys(object.get(cluster, "node_pools", {}))]),
	["Node/*"],
) if {
	node_count >= min_nodes
} else := result.fail(sprintf("cluster has %d worker nodes < %v", [node_count, min_nodes]), ["Node/*"]) if {
	node_count
} else := result.pass(
	sprintf("node pools in the Terraform plan keep at least %d nodes >= %v", [_tf_min_nodes, min_nodes]),
	_tf_pool_refs,
) if {
	count(_tf_pool_refs) > 0
	_tf_min_nodes >= min_nodes
} else := result.fail(
	sprintf("node pools in the Terraform plan keep at least %d nodes < %v", [_tf_min_nodes, min_nodes]),
	_tf_pool_refs,
) if {
	count(_tf_pool_refs) > 0
} else := result.pending("a live cluster (nodes) or a Terraform plan with node pools")

namespaces[name] := ns if {
	some name, ns in k8s.table(["namespaces"])
	not k8s.system_namespace(name)
	name != "default"
}

_default_workloads contains {"message": sprintf("%s %s (%s) runs in the default namespace", [w.kind, w.name, k8s.ref(w)]), "ref": k8s.ref(w)} if {
	some w in k8s.table(["workloads"])
	w.namespace == "default"
}

_workloads := k8s.table(["workloads"])

_no_namespace contains {"message": msg, "ref": k8s.ref(w)} if {
	count(namespaces) == 0
	some w in _workloads
	msg := "no Namespace object found (only default/kube-* namespaces)"
}

# the subjects are the namespaces, or the workloads that would need one: with neither, nothing is judged
criteria["Namespaces created"] := wl.decide(
	"Namespace objects from manifests or a live cluster", "Namespace or workload",
	object.union(_workloads, namespaces), _no_namespace | _default_workloads,
	sprintf("namespaces: %s", [concat(", ", sort(object.keys(namespaces)))]),
)

roles[key] := r if {
	some key, r in k8s.table(["rbac", "roles"])
	not r.system
}

bindings[key] := b if {
	some key, b in k8s.table(["rbac", "bindings"])
	not b.system
}

_rbac_problems contains {"message": "Roles found but no RoleBinding or ClusterRoleBinding grants them", "ref": k8s.ref(r)} if {
	count(bindings) == 0
	some r in roles
}

_rbac_problems contains {"message": msg, "ref": k8s.ref(w)} if {
	count(roles) == 0
	some w in _workloads
	msg := "no Role or ClusterRole found (besides system roles)"
}

criteria["RBAC policies applied"] := wl.decide(
	"Role/ClusterRole and binding objects", "Role or workload",
	object.union(_workloads, roles), _rbac_problems,
	sprintf("%d roles and %d bindings", [count(roles), count(bindings)]),
)
