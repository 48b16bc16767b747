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

test_no_rules_fail if {
	r := fw.report with input as {"kubernetes": {"network_policies": {"namespaces": {}, "policies": {}}}}
	r.criteria[0].message == "no firewall rule or NetworkPolicy found"
}
