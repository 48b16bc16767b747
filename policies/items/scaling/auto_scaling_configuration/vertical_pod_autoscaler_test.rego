package gonogo.items.scaling.auto_scaling_configuration.vertical_pod_autoscaler_test

import data.gonogo.items.scaling.auto_scaling_configuration.vertical_pod_autoscaler as vpa
import data.gonogo.lib.testing

_container := {
	"name": "web", "init": false,
	"requests": {"cpu": "250m", "memory": "256Mi"}, "requests_parsed": {"cpu": 0.25, "memory": 268435456},
	"limits": {"memory": "512Mi"}, "limits_parsed": {"memory": 536870912},
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

test_passes_with_requests_limits_and_vpa if {
	r := vpa.report with input as _input(_container, {"shop/web": _vpa})
	r.verdict == "pass"
	testing.criterion(r, "Limits defined appropriately").evidence == ["deploy/web.yaml:1"]
}

test_fails_without_memory_request_and_limit if {
	c := {"name": "web", "init": false, "requests": {"cpu": "250m"}, "requests_parsed": {"cpu": 0.25}, "limits": {}, "limits_parsed": {}}
	r := vpa.report with input as _input(c, {"shop/web": _vpa})
	r.verdict == "fail"
	contains(testing.criterion(r, "Resource requests optimized").message, "Deployment web (deploy/web.yaml:1) container web: no memory request")
	contains(testing.criterion(r, "Limits defined appropriately").message, "container web: no memory limit")
}

test_fails_when_limit_below_request if {
	c := object.union(_container, {"limits": {"memory": "128Mi"}, "limits_parsed": {"memory": 134217728}})
	r := vpa.report with input as _input(c, {"shop/web": _vpa})
	contains(testing.criterion(r, "Limits defined appropriately").message, "memory limit 128Mi < request 256Mi")
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
