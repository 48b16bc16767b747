package gonogo.items.security.security_hardening.authorization_test

import data.gonogo.items.security.security_hardening.authorization as authz

_role(verbs_wild) := {
	"system": false,
	"aggregated": false,
	"wildcard_verbs": verbs_wild,
	"wildcard_resources": false,
	"provenance": {"ref": "rbac.yaml:1"},
}

_binding(role) := {
	"system": false,
	"role": {"kind": "ClusterRole", "name": role},
	"subjects": [{"kind": "Group", "name": "devs"}],
	"provenance": {"ref": "rbac.yaml:20"},
}

_input(role, binding) := {"kubernetes": {"rbac": {"roles": {"ClusterRole/deployer": role}, "bindings": {"ClusterRoleBinding/deployer": binding}}}}

test_pending_without_evidence if {
	r := authz.report with input as {}
	r.verdict == "pending"
}

test_least_privilege_passes if {
	r := authz.report with input as _input(_role(false), _binding("deployer"))
	r.verdict == "pass"
}

test_wildcard_verbs_fail if {
	r := authz.report with input as _input(_role(true), _binding("deployer"))
	r.verdict == "fail"
	r.criteria[0].message == "ClusterRole/deployer (rbac.yaml:1): grants \"*\" verbs"
}

test_cluster_admin_binding_fails if {
	r := authz.report with input as _input(_role(false), _binding("cluster-admin"))
	r.criteria[0].message == "ClusterRoleBinding/deployer (rbac.yaml:20): binds cluster-admin to Group devs"
}

test_no_roles_and_no_workloads_is_nothing_to_judge if {
	r := authz.report with input as {"kubernetes": {"rbac": {"roles": {}, "bindings": {}}, "workloads": {}}}
	r.verdict == "pending"
	r.criteria[0].message == "no Role, ClusterRole or workload collected"
}

test_workloads_without_any_role_fail_naming_them if {
	web := {"name": "web", "namespace": "shop", "provenance": {"ref": "deploy/web.yaml:1"}}
	r := authz.report with input as {"kubernetes": {"rbac": {"roles": {}, "bindings": {}}, "workloads": {"Deployment/shop/web": web}}}
	r.verdict == "fail"
	r.criteria[0].evidence == ["deploy/web.yaml:1"]
	contains(r.criteria[0].message, "no Role or ClusterRole found")
}

test_a_role_without_binding_fails_naming_the_role if {
	r := authz.report with input as {"kubernetes": {"rbac": {"roles": {"Role/shop/reader": _role(false)}, "bindings": {}}, "workloads": {}}}
	r.verdict == "fail"
	r.criteria[0].evidence == ["rbac.yaml:1"]
	contains(r.criteria[0].message, "no RoleBinding or ClusterRoleBinding grants it")
}
