package gonogo.items.scaling.auto_scaling_configuration.vertical_pod_autoscaler_test

import data.gonogo.items.scaling.auto_scaling_configuration.vertical_pod_autoscaler as vpa
import data.gonogo.lib.testing

_container := {
	"name": "web", "init": false,
	"requests": {"cpu": "250m", "memory": "256Mi"}, "requests_parsed": {"cpu": 0.25, "memory": 268435456},
	"limits": {"cpu": "1", "memory": "512Mi"}, "limits_parsed": {"cpu": 1, "memory": 536870912},
	"at": {"container": "deploy/web.yaml:21", "resources": "deploy/web.yaml:35", "limits": "deploy/web.yaml:37"},
}

_workload(container) := {
	"kind": "Deployment", "name": "web", "namespace": "shop", "containers": [container],
	"provenance": {"ref": "deploy/web.yaml:1"},
}

_vpa := {
	"name": "web", "namespace": "shop", "update_mode": "Off", "target_found": true,
	"target_key": "Deployment/shop/web", "provenance": {"ref": "deploy/vpa.yaml:1"},
}

_input(container, vpas) := {"kubernetes": {
	"workloads": {"Deployment/shop/web": _workload(container)},
	"autoscaling": {"vpas": vpas},
}}

test_pending_without_evidence if {
	r := vpa.report with input as {}
	r.verdict == "pending"
	contains(testing.criterion(r, "Resource requests optimized").message, "VerticalPodAutoscalers")
}

test_pending_when_no_workload_collected if {
	r := vpa.report with input as {"kubernetes": {"workloads": {}, "autoscaling": {"vpas": {}}}}
	r.verdict == "pending"
	testing.criterion(r, "Limits defined appropriately").message == "no workload collected"
}

test_passes_with_requests_limits_and_vpa if {
	r := vpa.report with input as _input(_container, {"shop/web": _vpa})
	r.verdict == "pass"
	testing.criterion(r, "Limits defined appropriately").evidence == ["deploy/web.yaml:1"]
}

test_fails_without_memory_request_and_limit if {
	c := {
		"name": "web", "init": false, "requests": {"cpu": "250m"}, "requests_parsed": {"cpu": 0.25},
		"limits": {"cpu": "1"}, "limits_parsed": {"cpu": 1}, "at": {"resources": "deploy/web.yaml:35"},
	}
	r := vpa.report with input as _input(c, {"shop/web": _vpa})
	r.verdict == "fail"
	contains(testing.criterion(r, "Resource requests optimized").message, "Deployment shop/web container web (deploy/web.yaml:35): no memory request")
	limits := testing.criterion(r, "Limits defined appropriately")
	contains(limits.message, "container web (deploy/web.yaml:35): no memory limit")
	limits.evidence == ["deploy/web.yaml:35"]
}

test_fails_without_cpu_limit if {
	c := object.union(object.remove(_container, ["limits", "limits_parsed"]), {"limits": {"memory": "512Mi"}, "limits_parsed": {"memory": 536870912}})
	r := vpa.report with input as _input(c, {"shop/web": _vpa})
	testing.verdict(r, "Limits defined appropriately") == "fail"
	contains(testing.criterion(r, "Limits defined appropriately").message, "no cpu limit")
}

test_init_containers_need_requests_and_limits_too if {
	init := {"name": "migrate", "init": true, "requests": {}, "requests_parsed": {}, "limits": {}, "limits_parsed": {}}
	inp := {"kubernetes": {
		"workloads": {"Deployment/shop/web": object.union(_workload(_container), {"containers": [_container, init]})},
		"autoscaling": {"vpas": {"shop/web": _vpa}},
	}}
	r := vpa.report with input as inp
	msg := testing.criterion(r, "Limits defined appropriately").message
	contains(msg, "Deployment shop/web init container migrate (deploy/web.yaml:1): no cpu limit")
}

test_fails_when_limit_below_request if {
	c := object.union(_container, {"limits": {"memory": "128Mi"}, "limits_parsed": {"memory": 134217728}})
	r := vpa.report with input as _input(c, {"shop/web": _vpa})
	contains(testing.criterion(r, "Limits defined appropriately").message, "(deploy/web.yaml:37): memory limit 128Mi < request 256Mi")
}

test_fails_without_any_vpa if {
	r := vpa.report with input as _input(_container, {})
	contains(testing.criterion(r, "Resource requests optimized").message, "no VerticalPodAutoscaler found")
}

test_fails_when_vpa_auto_fights_hpa if {
	inp := {"kubernetes": {
		"workloads": {"Deployment/shop/web": object.union(_workload(_container), {"hpas": ["shop/web"]})},
		"autoscaling": {"vpas": {"shop/web": object.union(_vpa, {"update_mode": "Auto"})}},
	}}
	r := vpa.report with input as inp
	contains(testing.criterion(r, "Resource requests optimized").message, "updateMode Auto on Deployment/shop/web, which an HPA also scales")
}
