package gonogo.items.scaling.auto_scaling_configuration.horizontal_pod_autoscaler_test

import data.gonogo.items.scaling.auto_scaling_configuration.horizontal_pod_autoscaler as hpa
import data.gonogo.lib.testing

_good := {
	"name": "web", "namespace": "shop", "api_version": "autoscaling/v2",
	"min_replicas": 3, "max_replicas": 20, "cpu_target_percent": 70, "memory_target_percent": 80,
	"scale_up": {"policies": 1}, "scale_down": {"policies": 1},
	"target_key": "Deployment/shop/web", "target_found": true,
	"provenance": {"ref": "deploy/hpa.yaml:1"},
}

_input(hpas) := {"kubernetes": {"autoscaling": {"hpas": hpas}, "workloads": {}}}

test_pending_without_evidence if {
	r := hpa.report with input as {}
	r.verdict == "pending"
	c := testing.criterion(r, "CPU threshold: 70%")
	contains(c.message, "HorizontalPodAutoscalers")
}

test_passes_with_bounded_targeted_hpa if {
	r := hpa.report with input as _input({"shop/web": _good})
	r.verdict == "pass"
	c := testing.criterion(r, "Min/max replicas defined (3-20)")
	c.evidence == ["deploy/hpa.yaml:1"]
	contains(c.message, "replicas within 3-20")
}

test_fails_when_min_replicas_below_three if {
	r := hpa.report with input as _input({"shop/web": object.union(_good, {"min_replicas": 2})})
	r.verdict == "fail"
	c := testing.criterion(r, "Min/max replicas defined (3-20)")
	c.verdict == "fail"
	contains(c.message, "hpa web (deploy/hpa.yaml:1): minReplicas 2 < 3")
	c.evidence == ["deploy/hpa.yaml:1"]
}

test_threshold_from_settings_changes_the_floor if {
	inp := object.union(_input({"shop/web": object.union(_good, {"min_replicas": 2})}), {"settings": {"thresholds": {"hpa.min_replicas": 2}}})
	r := hpa.report with input as inp
	testing.criterion(r, "Min/max replicas defined (3-20)").verdict == "pass"
}

test_target_not_in_view_is_not_judged_and_named if {
	r := hpa.report with input as _input({"shop/web": object.union(_good, {"target_found": false, "target_key": "Deployment/shop/api"})})
	c := testing.criterion(r, "Min/max replicas defined (3-20)")
	c.verdict == "pass"
	contains(c.message, "scaleTargetRef not collected, so not judged: Deployment/shop/api")
	not contains(c.message, "not found")
}

test_target_not_in_view_still_fails_its_own_bounds if {
	off := object.union(_good, {"target_found": false, "target_key": "Deployment/shop/api", "max_replicas": 30})
	r := hpa.report with input as _input({"shop/web": off})
	c := testing.criterion(r, "Min/max replicas defined (3-20)")
	c.verdict == "fail"
	contains(c.message, "maxReplicas 30 > 20")
}

test_keda_scaled_object_is_judged_as_its_hpa if {
	keda := object.union(_good, {
		"name": "keda-hpa-worker", "scaled_object": "worker", "api_version": "keda.sh/v1alpha1",
		"min_replicas": 1, "max_replicas": 30, "cpu_target_percent": 75,
		"provenance": {"ref": "keda/worker.yaml:1"},
	})
	r := hpa.report with input as _input({"shop/keda-hpa-worker": keda})
	c := testing.criterion(r, "Min/max replicas defined (3-20)")
	c.verdict == "fail"
	contains(c.message, "hpa keda-hpa-worker (KEDA ScaledObject worker) (keda/worker.yaml:1): minReplicas 1 < 3")
	contains(c.message, "maxReplicas 30 > 20")
	contains(testing.criterion(r, "CPU threshold: 70%").message, "CPU target 75% > 70%")
}

test_v1_hpa_fails_memory_and_behavior if {
	v1 := object.union(_good, {
		"api_version": "autoscaling/v1", "memory_target_percent": null,
		"scale_up": null, "scale_down": null, "cpu_target_percent": 80,
	})
	r := hpa.report with input as _input({"shop/web": v1})
	contains(testing.criterion(r, "CPU threshold: 70%").message, "CPU target 80% > 70%")
	contains(testing.criterion(r, "Memory threshold: 80%").message, "no memory averageUtilization target")
	contains(testing.criterion(r, "Scale-up/down policies configured").message, "no scale_up behavior (autoscaling/v1)")
}

test_fails_when_no_hpa_found if {
	r := hpa.report with input as {"kubernetes": {"autoscaling": {"hpas": {}}, "workloads": {"Deployment/shop/web": {}}}}
	r.verdict == "fail"
	contains(testing.criterion(r, "CPU threshold: 70%").message, "no HorizontalPodAutoscaler found among 1 workloads")
}

test_api_default_cpu_target_is_named if {
	bare := object.union(_good, {"cpu_target_percent": 80, "cpu_target_defaulted": true})
	r := hpa.report with input as _input({"shop/web": bare})
	testing.criterion(r, "CPU threshold: 70%").message == "hpa web (deploy/hpa.yaml:1): CPU target 80% > 70% (the API default: no metrics set)"
}

test_pending_when_neither_workload_nor_hpa_collected if {
	r := hpa.report with input as {"kubernetes": {"workloads": {}, "autoscaling": {"hpas": {}}}}
	r.verdict == "pending"
	testing.criterion(r, "Min/max replicas defined (3-20)").message == "no workload or HorizontalPodAutoscaler collected"
}

test_a_problem_points_at_the_hpa_field if {
	h := object.union(_good, {"min_replicas": 2, "at": {"min_replicas": "deploy/hpa.yaml:8"}})
	r := hpa.report with input as _input({"shop/web": h})
	c := testing.criterion(r, "Min/max replicas defined (3-20)")
	c.verdict == "fail"
	contains(c.message, "hpa web (deploy/hpa.yaml:8): minReplicas 2 < 3")
	c.evidence == ["deploy/hpa.yaml:8"]
}
