package gonogo.items.scaling.auto_scaling_configuration.cluster_autoscaler_test

import data.gonogo.items.scaling.auto_scaling_configuration.cluster_autoscaler as ca
import data.gonogo.lib.testing

_autoscaler := {
	"name": "cluster-autoscaler", "namespace": "kube-system", "node_groups": [],
	"auto_discovery": ["asg:tag=k8s.io/cluster-autoscaler/enabled"], "provenance": {"ref": "ca.yaml:1"},
}

test_pending_without_evidence if {
	r := ca.report with input as {}
	r.verdict == "pending"
	testing.criterion(r, "Node scaling rules defined").verdict == "pending"
}

test_rules_pass_and_integration_pending_from_manifests if {
	r := ca.report with input as {"kubernetes": {"autoscaling": {"cluster_autoscalers": {"Deployment/kube-system/ca": _autoscaler}}}}
	c := testing.criterion(r, "Node scaling rules defined")
	c.verdict == "pass"
	contains(c.message, "cluster-autoscaler cluster-autoscaler (ca.yaml:1)")
	testing.criterion(r, "Cloud provider integration tested").verdict == "pending"
}

test_live_status_healthy_passes if {
	inp := {"kubernetes": {"autoscaling": {
		"cluster_autoscalers": {"Deployment/kube-system/ca": _autoscaler},
		"status": {
			"name": "kube-system/cluster-autoscaler-status",
			"health": "Healthy",
			"provenance": {"ref": "ConfigMap/kube-system/cluster-autoscaler-status"},
		},
	}}}
	r := ca.report with input as inp
	r.verdict == "pass"
}

test_live_status_unhealthy_fails if {
	inp := {"kubernetes": {"autoscaling": {
		"cluster_autoscalers": {"Deployment/kube-system/ca": _autoscaler},
		"status": {
			"name": "kube-system/cluster-autoscaler-status",
			"health": "Unhealthy",
			"provenance": {"ref": "ConfigMap/kube-system/cluster-autoscaler-status"},
		},
	}}}
	r := ca.report with input as inp
	contains(testing.criterion(r, "Cloud provider integration tested").message, "Health: Unhealthy")
}

test_fails_with_fixed_node_pool_only if {
	inp := {"kubernetes": {"autoscaling": {}}, "infrastructure": {"node_pools": {"aws_eks_node_group.main": {
		"address": "aws_eks_node_group.main", "min_nodes": 3, "max_nodes": 3, "autoscaling": false,
		"provenance": {"ref": "plan.json:aws_eks_node_group.main"},
	}}}}
	r := ca.report with input as inp
	c := testing.criterion(r, "Node scaling rules defined")
	c.verdict == "fail"
	contains(c.message, "node pool aws_eks_node_group.main: fixed size (min 3, max 3)")
}

test_fails_when_autoscaler_has_no_node_groups if {
	a := object.union(_autoscaler, {"auto_discovery": []})
	r := ca.report with input as {"kubernetes": {"autoscaling": {"cluster_autoscalers": {"Deployment/kube-system/ca": a}}}}
	contains(testing.criterion(r, "Node scaling rules defined").message, "neither --nodes nor --node-group-auto-discovery")
}
