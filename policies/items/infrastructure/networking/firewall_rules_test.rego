package gonogo.items.infrastructure.networking.firewall_rules_test

import data.gonogo.items.infrastructure.networking.firewall_rules as fw

_sg(open) := {"address": "aws_security_group.web", "world_open_non_web": open, "provenance": {"ref": "plan.json:aws_security_group.web"}}

test_pending_without_evidence if {
	r := fw.report with input as {}
	r.verdict == "pending"
}

test_closed_security_group_passes if {
	r := fw.report with input as {"infrastructure": {"firewall_rules": {"aws_security_group.web": _sg([])}}}
	r.verdict == "pass"
}

test_ssh_open_to_world_fails if {
	r := fw.report with input as {"infrastructure": {"firewall_rules": {"aws_security_group.web": _sg(["tcp/22 from 0.0.0.0/0"])}}}
	r.verdict == "fail"
	r.criteria[0].message == "aws_security_group.web: ingress tcp/22 from 0.0.0.0/0 (internet-wide, not 80/443)"
	r.criteria[0].evidence == ["plan.json:aws_security_group.web"]
}

test_namespace_without_egress_fails if {
	ns := {"workloads": 2, "default_deny_egress": false, "workloads_without_egress_policy": ["Deployment/shop/web"]}
	inp := {"kubernetes": {"network_policies": {"namespaces": {"shop": ns}, "policies": {"shop/in": {"provenance": {"ref": "np.yaml:1"}}}}}}
	r := fw.report with input as inp
	contains(r.criteria[0].message, "namespace shop: 1 of 2 workloads have no egress policy")
}

test_nothing_to_judge_is_pending if {
	r := fw.report with input as {"kubernetes": {"network_policies": {"namespaces": {}, "policies": {}}}}
	r.verdict == "pending"
	r.criteria[0].message == "no workloads or cloud firewall rules collected"
}

test_an_allow_all_policy_alone_is_pending_not_egress_restricted if {
	allow_all := {"default/allow-all": {"policy_types": ["Ingress"], "allows_all_ingress": true, "provenance": {"ref": "np.yaml:1"}}}
	ns := {"workloads": 0, "default_deny_egress": false, "workloads_without_egress_policy": [], "provenance": {"ref": "np.yaml:1"}}
	inp := {"kubernetes": {"network_policies": {"namespaces": {"default": ns}, "policies": allow_all}}}
	r := fw.report with input as inp
	r.verdict == "pending"
	r.criteria[0].message == "no workloads or cloud firewall rules collected"
}

test_workloads_without_any_policy_fail_naming_the_workloads if {
	ns := {
		"workloads": 1, "default_deny_egress": false,
		"workloads_without_egress_policy": ["Deployment/shop/web"], "provenance": {"ref": "Namespace/shop"},
	}
	web := {"name": "web", "namespace": "shop", "provenance": {"ref": "deploy/web.yaml:1"}}
	inp := {"kubernetes": {"network_policies": {"namespaces": {"shop": ns}, "policies": {}}, "workloads": {"Deployment/shop/web": web}}}
	r := fw.report with input as inp
	r.verdict == "fail"
	r.criteria[0].evidence == ["deploy/web.yaml:1"]
}

test_egress_restricted_is_said_only_of_namespaces_with_workloads if {
	r := fw.report with input as {"infrastructure": {"firewall_rules": {"aws_security_group.web": _sg([])}}}
	r.criteria[0].message == "1 cloud firewall rule set(s): no internet-wide non-web port"
	ns := {"workloads": 2, "default_deny_egress": true, "workloads_without_egress_policy": [], "provenance": {"ref": "np.yaml:1"}}
	k := fw.report with input as {"kubernetes": {"network_policies": {"namespaces": {"shop": ns}, "policies": {}}}}
	k.verdict == "pass"
	k.criteria[0].message == "egress restricted in every namespace with workloads: shop"
}

test_an_allow_all_egress_policy_alone_fails_for_being_allow_all if {
	allow_all := {"legacy/allow-all": {"policy_types": ["Ingress", "Egress"], "allows_all_egress": true, "provenance": {"ref": "np.yaml:2"}}}
	ns := {
		"workloads": 0, "default_deny_egress": false, "workloads_without_egress_policy": [],
		"allows_all_egress": ["legacy/allow-all"], "provenance": {"ref": "np.yaml:2"},
	}
	inp := {"kubernetes": {"network_policies": {"namespaces": {"legacy": ns}, "policies": allow_all}}}
	r := fw.report with input as inp
	r.verdict == "fail"
	r.criteria[0].message == "networkpolicy legacy/allow-all (np.yaml:2): an egress rule allows all destinations and ports"
	r.criteria[0].evidence == ["np.yaml:2"]
}
