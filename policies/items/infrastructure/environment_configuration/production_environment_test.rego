package gonogo.items.infrastructure.environment_configuration.production_environment_test

import data.gonogo.items.infrastructure.environment_configuration.production_environment as env
import data.gonogo.lib.testing

_live := {"kubernetes": {
	"cluster": {
		"server_version": {"major": 1, "minor": 29, "git_version": "v1.29.3", "provenance": {"ref": "Version/cluster"}},
		"worker_node_count": 4, "node_count": 5, "node_pools": {"general": {"count": 4}},
	},
	"namespaces": {
		"shop": {"provenance": {"ref": "Namespace/shop"}},
		"kube-system": {"provenance": {"ref": "Namespace/kube-system"}},
	},
	"workloads": {"Deployment/shop/web": {
		"kind": "Deployment",
		"name": "web",
		"namespace": "shop",
		"provenance": {"ref": "Deployment/shop/web"},
	}},
	"rbac": {
		"roles": {"Role/shop/reader": {"system": false, "provenance": {"ref": "Role/shop/reader"}}},
		"bindings": {"RoleBinding/shop/reader": {"system": false, "provenance": {"ref": "RoleBinding/shop/reader"}}},
	},
}}

test_pending_without_evidence if {
	r := env.report with input as {}
	r.verdict == "pending"
	contains(testing.criterion(r, "Kubernetes cluster provisioned (v1.19+)").message, "live cluster")
}

test_live_cluster_passes if {
	r := env.report with input as _live
	r.verdict == "pass"
	testing.criterion(r, "Kubernetes cluster provisioned (v1.19+)").evidence == ["Version/cluster"]
	contains(testing.criterion(r, "Node pools configured (min 3 nodes)").message, "4 worker nodes >= 3")
}

test_old_version_and_few_nodes_fail if {
	inp := json.patch(_live, [
		{"op": "replace", "path": "/kubernetes/cluster/server_version/minor", "value": 18},
		{"op": "replace", "path": "/kubernetes/cluster/server_version/git_version", "value": "v1.18.20"},
		{"op": "replace", "path": "/kubernetes/cluster/worker_node_count", "value": 2},
	])
	r := env.report with input as inp
	r.verdict == "fail"
	testing.criterion(r, "Kubernetes cluster provisioned (v1.19+)").message == "API server v1.18.20 < 1.19"
	testing.criterion(r, "Node pools configured (min 3 nodes)").message == "cluster has 2 worker nodes < 3"
}

test_manifests_alone_leave_version_pending if {
	inp := json.remove(_live, ["/kubernetes/cluster"])
	r := env.report with input as inp
	testing.criterion(r, "Kubernetes cluster provisioned (v1.19+)").verdict == "pending"
	testing.criterion(r, "Namespaces created").verdict == "pass"
}

test_terraform_cluster_version_and_pools if {
	inp := {"infrastructure": {
		"kubernetes_clusters": {"aws_eks_cluster.main": {
			"address": "aws_eks_cluster.main",
			"version": "1.17",
			"provenance": {"ref": "plan.json:aws_eks_cluster.main"},
		}},
		"node_pools": {"aws_eks_node_group.a": {
			"min_nodes": 2,
			"provenance": {"ref": "plan.json:aws_eks_node_group.a"},
		}},
	}}
	r := env.report with input as inp
	contains(testing.criterion(r, "Kubernetes cluster provisioned (v1.19+)").message, "aws_eks_cluster.main: version 1.17 < 1.19")
	contains(testing.criterion(r, "Node pools configured (min 3 nodes)").message, "keep at least 2 nodes < 3")
}

test_workloads_in_default_namespace_fail if {
	inp := json.patch(_live, [{
		"op": "replace",
		"path": "/kubernetes/workloads/Deployment~1shop~1web/namespace",
		"value": "default",
	}])
	r := env.report with input as inp
	contains(testing.criterion(r, "Namespaces created").message, "Deployment web (Deployment/shop/web) runs in the default namespace")
}

test_no_roles_fails_rbac if {
	inp := json.patch(_live, [{"op": "replace", "path": "/kubernetes/rbac/roles", "value": {}}])
	r := env.report with input as inp
	testing.criterion(r, "RBAC policies applied").message == "no Role or ClusterRole found (besides system roles)"
}

test_namespaces_and_rbac_pending_when_nothing_to_judge if {
	inp := {"kubernetes": {
		"workloads": {}, "namespaces": {}, "rbac": {"roles": {}, "bindings": {}},
		"issuers": {"ClusterIssuer/le": {}},
	}}
	r := env.report with input as inp
	testing.criterion(r, "Namespaces created").message == "no Namespace or workload collected"
	testing.verdict(r, "RBAC policies applied") == "pending"
}

test_workload_without_namespace_or_roles_fails_citing_it if {
	w := {"kind": "Deployment", "name": "web", "namespace": "shop", "provenance": {"ref": "deploy/web.yaml:1"}}
	r := env.report with input as {"kubernetes": {"workloads": {"Deployment/shop/web": w}, "namespaces": {}, "rbac": {"roles": {}, "bindings": {}}}}
	c := testing.criterion(r, "RBAC policies applied")
	c.verdict == "fail"
	c.evidence == ["deploy/web.yaml:1"]
	testing.verdict(r, "Namespaces created") == "fail"
}
