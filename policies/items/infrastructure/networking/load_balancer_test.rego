package gonogo.items.infrastructure.networking.load_balancer_test

import data.gonogo.items.infrastructure.networking.load_balancer as lb

_service(backends, ready) := {
	"name": "edge", "namespace": "ingress", "type": "LoadBalancer", "backend_workloads": backends,
	"backends_with_readiness": ready, "provenance": {"ref": "svc.yaml:1"},
}

test_pending_without_evidence if {
	r := lb.report with input as {}
	r.verdict == "pending"
}

test_health_checked_load_balancer_passes if {
	r := lb.report with input as {"kubernetes": {"services": {"ingress/edge": _service(1, 1)}}}
	r.verdict == "pass"
	r.criteria[0].evidence == ["svc.yaml:1"]
}

test_backends_without_readiness_fail if {
	r := lb.report with input as {"kubernetes": {"services": {"ingress/edge": _service(2, 1)}}}
	r.verdict == "fail"
	contains(r.criteria[0].message, "service ingress/edge (svc.yaml:1): 1 of 2 backend workloads lack readiness probes")
}

test_selector_matching_nothing_fails if {
	r := lb.report with input as {"kubernetes": {"services": {"ingress/edge": _service(0, 0)}}}
	contains(r.criteria[0].message, "type LoadBalancer selects no workload")
}

test_no_load_balancer_is_nothing_to_judge if {
	r := lb.report with input as {"kubernetes": {"services": {"shop/web": object.union(_service(1, 1), {"type": "ClusterIP"})}}}
	r.verdict == "pending"
	contains(r.criteria[0].message, "no load balancer (Service type LoadBalancer")
}

_web(readiness) := {
	"kind": "Deployment", "name": "web", "namespace": "ingress",
	"containers": [{"name": "web", "init": false, "probes": {"readiness": readiness}, "at": {"container": "deploy/web.yaml:21"}}],
	"provenance": {"ref": "deploy/web.yaml:1"},
}

test_backend_without_readiness_is_cited_at_its_container if {
	svc := object.union(_service(1, 0), {"backend_keys": ["Deployment/ingress/web"]})
	r := lb.report with input as {"kubernetes": {"services": {"ingress/edge": svc}, "workloads": {"Deployment/ingress/web": _web(null)}}}
	r.verdict == "fail"
	contains(r.criteria[0].message, "backend Deployment ingress/web container web (deploy/web.yaml:21) has no readinessProbe")
	r.criteria[0].evidence == ["deploy/web.yaml:21"]
	ready := object.union(svc, {"backends_with_readiness": 1})
	inp := {"kubernetes": {
		"services": {"ingress/edge": ready},
		"workloads": {"Deployment/ingress/web": _web({"handler": "httpGet"})},
	}}
	ok := lb.report with input as inp
	ok.verdict == "pass"
}

test_terraform_target_group_without_health_check_fails if {
	inp := {"infrastructure": {
		"load_balancers": {"aws_lb.main": {"address": "aws_lb.main", "provenance": {"ref": "plan.json:aws_lb.main"}}},
		"lb_target_groups": {"aws_lb_target_group.web": {
			"address": "aws_lb_target_group.web",
			"health_check": false,
			"provenance": {"ref": "plan.json:aws_lb_target_group.web"},
		}},
	}}
	r := lb.report with input as inp
	r.criteria[0].message == "aws_lb_target_group.web: health check disabled"
}
