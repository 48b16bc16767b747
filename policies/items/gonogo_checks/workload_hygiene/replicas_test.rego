package gonogo.items.gonogo_checks.workload_hygiene.replicas_test

import data.gonogo.items.gonogo_checks.workload_hygiene.replicas as item
import data.gonogo.lib.testing

_text := "At least 3 replicas, or an HPA with minReplicas of at least 3"

_workload(fields) := object.union(
	{
		"kind": "Deployment", "name": "web", "namespace": "shop", "containers": [],
		"replicas": 3, "replicas_set": true,
		"at": {"replicas": "deploy/web.yaml:8"}, "provenance": {"ref": "deploy/web.yaml:1"},
	},
	fields,
)

_input(w) := {"kubernetes": {"workloads": {"Deployment/shop/web": w}}}

test_pending_without_kubernetes if {
	r := item.report with input as {}
	r.verdict == "pending"
}

test_pending_when_only_daemonsets if {
	r := item.report with input as _input(_workload({"kind": "DaemonSet", "replicas": null}))
	r.verdict == "pending"
	contains(testing.criterion(r, _text).message, "no replicated workload")
}

test_passes_with_three_replicas if {
	r := item.report with input as _input(_workload({}))
	r.verdict == "pass"
	testing.criterion(r, _text).evidence == ["deploy/web.yaml:1"]
}

test_passes_with_an_hpa_of_three_whatever_spec_replicas_says if {
	r := item.report with input as _input(_workload({"replicas": 1, "hpa_min_replicas": 3}))
	r.verdict == "pass"
}

test_fails_with_two_replicas_at_the_replicas_line if {
	r := item.report with input as _input(_workload({"replicas": 2}))
	c := testing.criterion(r, _text)
	c.verdict == "fail"
	contains(c.message, "Deployment shop/web (deploy/web.yaml:8): replicas 2 < 3")
	c.evidence == ["deploy/web.yaml:8"]
}

test_fails_when_replicas_not_written if {
	r := item.report with input as _input(_workload({"replicas": 1, "replicas_set": false}))
	contains(testing.criterion(r, _text).message, "replicas not set (the default, 1), no HPA < 3")
}

test_fails_when_the_hpa_minimum_is_below_three if {
	r := item.report with input as _input(_workload({"replicas": 5, "hpa_min_replicas": 2}))
	contains(testing.criterion(r, _text).message, "HPA minReplicas 2 < 3")
}

test_threshold_from_config if {
	r := item.report with input as object.union(_input(_workload({"replicas": 2})), {"settings": {"thresholds": {"workloads.min_replicas": 2}}})
	r.verdict == "pass"
}
