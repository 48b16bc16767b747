package gonogo.items.compliance.security_compliance.pci_dss_test

import data.gonogo.items.compliance.security_compliance.pci_dss
import data.gonogo.lib.testing

test_not_applicable_when_context_says_no_and_the_product_manager_attests_it if {
	attested := testing.attested("context.processes_payments=false", "Product Manager", {})
	r := pci_dss.report with input as object.union({"context": {"processes_payments": false}}, attested)
	r.verdict == "not_applicable"
	some c in r.criteria
	startswith(c.message, "context.processes_payments is false in gonogo.yaml")
}

test_a_typed_context_flag_alone_keeps_it_applicable if {
	r := pci_dss.report with input as {"context": {"processes_payments": false}}
	r.verdict != "not_applicable"
	some c in r.criteria
	contains(c.message, "only an attestation by the Product Manager makes")
}

test_pending_when_context_says_yes if {
	r := pci_dss.report with input as {"context": {"processes_payments": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := pci_dss.report with input as {}
	r.verdict == "pending"
}

_prov(address) := {"collector": "terraform", "file": "plan.json", "ref": sprintf("plan.json:%s", [address])}

_db(encrypted, public) := {"aws_db_instance.cards": {
	"address": "aws_db_instance.cards", "type": "aws_db_instance", "engine": "postgresql",
	"storage_encrypted": encrypted, "publicly_accessible": public, "provenance": _prov("aws_db_instance.cards"),
}}

_fw(open) := {"aws_security_group.db": {
	"address": "aws_security_group.db", "type": "aws_security_group", "world_open_non_web": open,
	"provenance": _prov("aws_security_group.db"),
}}

_iam(wildcards) := {"aws_iam_policy.app": {
	"address": "aws_iam_policy.app", "type": "aws_iam_policy", "kind": "aws-iam-policy", "parsed": true,
	"wildcards": wildcards, "provenance": _prov("aws_iam_policy.app"),
}}

_plan(db, fw, iam) := {"context": {"processes_payments": true}, "infrastructure": {
	"databases": db, "storage": {}, "firewall_rules": fw, "iam_policies": iam,
}}

test_passes_every_criterion_with_encrypted_private_least_privilege_infrastructure if {
	r := pci_dss.report with input as _plan(_db(true, false), _fw([]), _iam([]))
	r.verdict == "pass"
	testing.all_criteria(r, "pass")
	testing.criterion(r, "Cardholder data encrypted").evidence == ["plan.json:aws_db_instance.cards"]
}

test_fails_every_criterion_with_an_open_unencrypted_admin_plan if {
	r := pci_dss.report with input as _plan(_db(false, true), _fw(["tcp/5432 from 0.0.0.0/0"]), _iam(["statement 1: Action *"]))
	r.verdict == "fail"
	testing.all_criteria(r, "fail")
	contains(testing.criterion(r, "Cardholder data encrypted").message, "aws_db_instance.cards: storage not encrypted at rest")
	contains(testing.criterion(r, "Network segmentation").message, "publicly accessible")
	contains(testing.criterion(r, "Network segmentation").message, "tcp/5432 from 0.0.0.0/0")
	contains(testing.criterion(r, "Access controls enforced").message, "Action *")
}

test_pending_when_the_plan_has_no_data_store if {
	r := pci_dss.report with input as _plan({}, _fw([]), _iam([]))
	testing.verdict(r, "Cardholder data encrypted") == "pending"
	testing.verdict(r, "Network segmentation") == "pass"
}

test_kubernetes_cluster_admin_service_account_binding_fails_access_control if {
	binding := {
		"kind": "ClusterRoleBinding", "role": {"kind": "ClusterRole", "name": "cluster-admin"},
		"subjects": [{"kind": "ServiceAccount", "name": "ci", "namespace": "tools"}], "system": false,
		"provenance": {"ref": "rbac.yaml:1"},
	}
	ns := {"workloads": 2, "default_deny_ingress": true, "workloads_without_ingress_policy": [], "provenance": {"ref": "np.yaml:1"}}
	r := pci_dss.report with input as {"kubernetes": {
		"rbac": {"bindings": {"ClusterRoleBinding/ci": binding}, "roles": {}},
		"network_policies": {"namespaces": {"shop": ns}},
	}}
	testing.verdict(r, "Access controls enforced") == "fail"
	contains(testing.criterion(r, "Access controls enforced").message, "binds cluster-admin to service account tools/ci")
	testing.verdict(r, "Network segmentation") == "pass"
	testing.verdict(r, "Cardholder data encrypted") == "pending"
}

test_namespace_without_isolation_fails_segmentation if {
	ns := {
		"workloads": 2, "default_deny_ingress": false,
		"workloads_without_ingress_policy": ["Deployment/shop/web"], "provenance": {"ref": "Namespace/shop"},
	}
	r := pci_dss.report with input as {"kubernetes": {"network_policies": {"namespaces": {"shop": ns}}}}
	testing.verdict(r, "Network segmentation") == "fail"
	contains(testing.criterion(r, "Network segmentation").message, "Namespace/shop: no default-deny ingress")
}
