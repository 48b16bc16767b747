package gonogo.items.gonogo_checks.workload_hygiene.health_probes_test

import data.gonogo.items.gonogo_checks.workload_hygiene.health_probes as item
import data.gonogo.lib.testing

_probe := {"handler": "httpGet", "period_seconds": 5, "failure_threshold": 3}

_container(liveness, readiness) := {
	"name": "web", "image": "ghcr.io/shop/web:1.4.2", "init": false,
	"probes": {"liveness": liveness, "readiness": readiness, "startup": null},
	"at": {"container": "deploy/web.yaml:21"},
}

_workload(kind, containers) := {
	"kind": kind, "name": "web", "namespace": "shop", "containers": containers,
	"provenance": {"ref": "deploy/web.yaml:1"},
}

_input(w) := {"kubernetes": {"workloads": {"Deployment/shop/web": w}}}

test_pending_without_kubernetes if {
	r := item.report with input as {}
	r.verdict == "pending"
	contains(testing.criterion(r, "Liveness probe on every container").message, "needs workloads")
}

test_pending_when_no_workload_collected if {
	r := item.report with input as {"kubernetes": {"workloads": {}, "pdbs": {}}}
	r.verdict == "pending"
	contains(testing.criterion(r, "Readiness probe on every container").message, "no long-running workload")
}

test_pending_when_only_jobs if {
	r := item.report with input as _input(_workload("CronJob", [_container(null, null)]))
	r.verdict == "pending"
}

test_passes_with_both_probes if {
	r := item.report with input as _input(_workload("Deployment", [_container(_probe, _probe)]))
	r.verdict == "pass"
	testing.criterion(r, "Liveness probe on every container").evidence == ["deploy/web.yaml:1"]
}

test_fails_without_liveness_probe_at_the_container_line if {
	r := item.report with input as _input(_workload("Deployment", [_container(null, _probe)]))
	r.verdict == "fail"
	c := testing.criterion(r, "Liveness probe on every container")
	c.verdict == "fail"
	contains(c.message, "Deployment shop/web container web (deploy/web.yaml:21): no livenessProbe")
	c.evidence == ["deploy/web.yaml:21"]
	testing.verdict(r, "Readiness probe on every container") == "pass"
}

test_fails_without_readiness_probe if {
	r := item.report with input as _input(_workload("StatefulSet", [_container(_probe, null)]))
	contains(testing.criterion(r, "Readiness probe on every container").message, "no readinessProbe")
}

test_init_containers_are_not_judged_but_native_sidecars_are if {
	init := object.union(_container(null, null), {"name": "migrate", "init": true})
	ok := item.report with input as _input(_workload("Deployment", [_container(_probe, _probe), init]))
	ok.verdict == "pass"
	sidecar := object.union(init, {"name": "proxy", "restart_policy": "Always"})
	bad := item.report with input as _input(_workload("Deployment", [_container(_probe, _probe), sidecar]))
	contains(testing.criterion(bad, "Liveness probe on every container").message, "init container proxy")
}

test_system_namespaces_are_left_out if {
	w := object.union(_workload("Deployment", [_container(null, null)]), {"namespace": "kube-system"})
	r := item.report with input as {"kubernetes": {"workloads": {"Deployment/kube-system/web": w}}}
	r.verdict == "pending"
}
