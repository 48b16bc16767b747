package gonogo.items.infrastructure.networking.network_policies_test

import data.gonogo.items.infrastructure.networking.network_policies as np

_ns := {
	"workloads": 2, "policies": ["shop/default-deny"], "default_deny_ingress": true, "default_deny_egress": true,
	"allows_all_ingress": [], "workloads_without_ingress_policy": [], "workloads_without_egress_policy": [],
	"policies_selecting_nothing": [], "provenance": {"ref": "np.yaml:1"},
}

_policies := {
	"shop/default-deny": {"provenance": {"ref": "np.yaml:1"}},
	"shop/typo": {"provenance": {"ref": "np.yaml:9"}},
}

test_pending_without_evidence if {
	r := np.report with input as {}
	r.verdict == "pending"
}

test_default_deny_namespace_passes if {
	r := np.report with input as {"kubernetes": {"network_policies": {"namespaces": {"shop": _ns}, "policies": _policies}}}
	r.verdict == "pass"
	r.criteria[0].evidence == ["np.yaml:1"]
}

test_namespace_without_policy_fails if {
	ns := object.union(_ns, {"default_deny_ingress": false, "workloads_without_ingress_policy": ["Deployment/shop/web"]})
	r := np.report with input as {"kubernetes": {"network_policies": {"namespaces": {"shop": ns}, "policies": _policies}}}
	r.verdict == "fail"
	contains(r.criteria[0].message, "namespace shop: no default-deny ingress policy; 1 of 2 workloads not selected")
}

test_policy_selecting_nothing_fails if {
	ns := object.union(_ns, {"policies_selecting_nothing": ["shop/typo"]})
	r := np.report with input as {"kubernetes": {"network_policies": {"namespaces": {"shop": ns}, "policies": _policies}}}
	r.criteria[0].message == "networkpolicy shop/typo (np.yaml:9): podSelector matches no workload in namespace shop"
}

test_no_workloads_is_nothing_to_judge if {
	r := np.report with input as {"kubernetes": {"network_policies": {"namespaces": {}, "policies": {}}, "workloads": {}}}
	r.verdict == "pending"
	r.criteria[0].message == "no workloads collected"
}

test_a_deny_all_policy_alone_is_nothing_to_judge if {
	deny := {"workloads": 0, "default_deny_ingress": true, "workloads_without_ingress_policy": [], "provenance": {"ref": "np.yaml:1"}}
	inp := {"kubernetes": {"network_policies": {"namespaces": {"shop": deny}, "policies": {"shop/deny": {"provenance": {"ref": "np.yaml:1"}}}}}}
	r := np.report with input as inp
	r.verdict == "pending"
	r.criteria[0].message == "no workloads collected"
}

test_an_allow_all_policy_alone_fails_for_being_allow_all if {
	allow := {
		"workloads": 0, "default_deny_ingress": false, "workloads_without_ingress_policy": [],
		"allows_all_ingress": ["legacy/allow-all"], "policies_selecting_nothing": [], "provenance": {"ref": "np.yaml:2"},
	}
	policy := {"legacy/allow-all": {"provenance": {"ref": "np.yaml:2"}}}
	inp := {"kubernetes": {"network_policies": {"namespaces": {"legacy": allow}, "policies": policy}}}
	r := np.report with input as inp
	r.verdict == "fail"
	r.criteria[0].message == "networkpolicy legacy/allow-all (np.yaml:2): an ingress rule allows all sources and ports"
	r.criteria[0].evidence == ["np.yaml:2"]
}
