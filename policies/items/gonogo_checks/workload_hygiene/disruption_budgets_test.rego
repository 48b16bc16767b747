package gonogo.items.gonogo_checks.workload_hygiene.disruption_budgets_test

import data.gonogo.items.gonogo_checks.workload_hygiene.disruption_budgets as item
import data.gonogo.lib.testing

_covered := "PodDisruptionBudget for every workload with more than one replica"

_blocks := "No PodDisruptionBudget blocks every eviction"

_workload(fields) := object.union(
	{
		"kind": "Deployment", "name": "web", "namespace": "shop", "containers": [],
		"replicas": 3, "replicas_set": true, "pod_labels": {"app": "web"}, "pdbs": ["shop/web"],
		"at": {"replicas": "deploy/web.yaml:8"}, "provenance": {"ref": "deploy/web.yaml:1"},
	},
	fields,
)

_pdb(fields) := object.union(
	{
		"name": "web", "namespace": "shop", "min_available": null, "max_unavailable": 1,
		"min_available_percent": null, "max_unavailable_percent": null,
		"selected_workloads": ["Deployment/shop/web"],
		"at": {"budget": "deploy/pdb.yaml:6"}, "provenance": {"ref": "deploy/pdb.yaml:1"},
	},
	fields,
)

_input(w, pdbs) := {"kubernetes": {"workloads": {"Deployment/shop/web": w}, "pdbs": pdbs}}

test_pending_without_kubernetes if {
	r := item.report with input as {}
	r.verdict == "pending"
}

test_pending_with_a_single_replica_and_no_pdb if {
	r := item.report with input as _input(_workload({"replicas": 1, "pdbs": []}), {})
	r.verdict == "pending"
	contains(testing.criterion(r, _covered).message, "no workload with more than one replica collected")
	contains(testing.criterion(r, _blocks).message, "no PodDisruptionBudget collected")
}

test_passes_with_a_pdb_allowing_one_eviction if {
	r := item.report with input as _input(_workload({}), {"shop/web": _pdb({})})
	r.verdict == "pass"
	testing.criterion(r, _blocks).evidence == ["deploy/pdb.yaml:1"]
}

test_fails_without_a_pdb_at_the_replicas_line if {
	r := item.report with input as _input(_workload({"pdbs": []}), {})
	c := testing.criterion(r, _covered)
	c.verdict == "fail"
	contains(c.message, "Deployment shop/web (deploy/web.yaml:8): replicas 3, and no PodDisruptionBudget selects its pods (labels app=web)")
	c.evidence == ["deploy/web.yaml:8"]
}

test_fails_when_max_unavailable_is_zero if {
	r := item.report with input as _input(_workload({}), {"shop/web": _pdb({"max_unavailable": 0})})
	c := testing.criterion(r, _blocks)
	c.verdict == "fail"
	contains(c.message, "pdb shop/web (deploy/pdb.yaml:6): maxUnavailable 0 allows no eviction")
	c.evidence == ["deploy/pdb.yaml:6"]
}

test_fails_when_max_unavailable_is_zero_percent if {
	r := item.report with input as _input(_workload({}), {"shop/web": _pdb({"max_unavailable": "0%", "max_unavailable_percent": 0})})
	testing.verdict(r, _blocks) == "fail"
}

test_fails_when_min_available_equals_replicas if {
	p := _pdb({"max_unavailable": null, "min_available": 3})
	r := item.report with input as _input(_workload({}), {"shop/web": p})
	contains(testing.criterion(r, _blocks).message, "minAvailable 3 of Deployment web's replicas 3 allows no eviction")
}

test_min_available_percent_rounds_up if {
	p := _pdb({"max_unavailable": null, "min_available": "80%", "min_available_percent": 80})
	r := item.report with input as _input(_workload({}), {"shop/web": p})
	testing.verdict(r, _blocks) == "fail"
	ok := item.report with input as _input(_workload({}), {"shop/web": object.union(p, {"min_available": "50%", "min_available_percent": 50})})
	testing.verdict(ok, _blocks) == "pass"
}

test_min_available_against_the_hpa_minimum if {
	p := _pdb({"max_unavailable": null, "min_available": 2})
	r := item.report with input as _input(_workload({"replicas": 6, "hpa_min_replicas": 2}), {"shop/web": p})
	contains(testing.criterion(r, _blocks).message, "HPA minReplicas 2 allows no eviction")
}

test_fails_when_two_pdbs_select_one_workload if {
	w := _workload({"pdbs": ["shop/web", "shop/web-2"]})
	r := item.report with input as _input(w, {"shop/web": _pdb({}), "shop/web-2": _pdb({"name": "web-2"})})
	contains(testing.criterion(r, _blocks).message, "selected by 2 PodDisruptionBudgets (shop/web, shop/web-2)")
}
