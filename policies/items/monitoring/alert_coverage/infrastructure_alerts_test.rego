package gonogo.items.monitoring.alert_coverage.infrastructure_alerts_test

import data.gonogo.items.monitoring.alert_coverage.infrastructure_alerts
import data.gonogo.lib.testing

row(unit, direction, alerts) := {"unit": unit, "direction": direction, "alerts": alerts}

alert(name, threshold, direction, text) := {
	"alert": name, "key": name, "ref": sprintf("rules/node.yaml:%d", [count(name)]), "severity": "critical", "for": "15m",
	"threshold": threshold, "direction": direction, "threshold_text": text, "quantile": null,
	"absolute": false, "conditional": false, "notes": [],
	"receivers": ["pagerduty-oncall"], "integrations": ["pagerduty"], "routed": true,
}

snapshot(cpu, memory, disk, restarts) := {"monitoring": {
	"prometheus": {"alerting_rules": 7},
	"alert_coverage": {
		"high_cpu": row("ratio", "above", cpu),
		"high_memory": row("ratio", "above", memory),
		"disk_space": row("ratio", "below", disk),
		"pod_restarts": row(null, null, restarts),
	},
}}

good := snapshot(
	[alert("NodeHighCPU", 0.8, "above", "> 80%")],
	[alert("NodeHighMemory", 0.85, "above", "> 85%")],
	[alert("NodeDiskFull", 0.1, "below", "< 10%")],
	[object.union(alert("KubePodCrashLooping", null, null, ">= 1"), {"severity": "warning"})],
)

test_pass_when_every_class_is_covered_and_routed if {
	r := infrastructure_alerts.report with input as good
	r.verdict == "pass"
	c := testing.criterion(r, "High CPU usage (>80%)")
	contains(c.message, concat("", [
		"NodeHighCPU (rules/node.yaml:11) fires at > 80% against the threshold 80% (alerts.cpu_ratio), ",
		"reaches pagerduty-oncall (pagerduty)",
	]))
	c.evidence == ["rules/node.yaml:11"]
}

# The message states the reading taken: the comparison it read, the series, the workloads the
# selectors name, the figure, where Alertmanager delivers it, and the guard set aside.
test_the_message_states_the_reading if {
	read := object.union(alert("HighCPU", 0.8, "above", "> 80%"), {
		"comparison": concat("", [
			"sum(rate(container_cpu_usage_seconds_total{deployment=\"api\"}[5m])) / ",
			"sum(kube_pod_container_resource_limits{deployment=\"api\"}) > 0.8",
		]),
		"measured": ["container_cpu_usage_seconds_total", "kube_pod_container_resource_limits"],
		"scope": {"selectors": ["deployment=api"], "related": true, "workloads": ["Deployment/shop/api"], "collected": 2},
		"guards": ["and on () up{job=\"api\"} == 1"],
	})
	r := infrastructure_alerts.report with input as snapshot([read], [], [], [])
	c := testing.criterion(r, "High CPU usage (>80%)")
	c.verdict == "pass"
	c.message == concat("", [
		"covered by HighCPU (rules/node.yaml:7) fires at > 80% (read from `sum(rate(container_cpu_usage_seconds_total",
		"{deployment=\"api\"}[5m])) / sum(kube_pod_container_resource_limits{deployment=\"api\"}) > 0.8`) on ",
		"container_cpu_usage_seconds_total, kube_pod_container_resource_limits for deployment=api ",
		"(matches Deployment/shop/api) against the threshold 80% (alerts.cpu_ratio), reaches pagerduty-oncall ",
		"(pagerduty); guard set aside, not the threshold: and on () up{job=\"api\"} == 1",
	])
}

# An alert at 10 % CPU on one container that is not the service's: neither far from the figure
# nor on a workload the repository does not hold counts as "High CPU > 80 %".
test_fail_when_the_cpu_alert_is_far_below_the_figure if {
	low := alert("ContainerCPUAbove10", 0.1, "above", "> 10%")
	r := infrastructure_alerts.report with input as snapshot([low], [], [], [])
	c := testing.criterion(r, "High CPU usage (>80%)")
	c.verdict == "fail"
	contains(c.message, concat("", [
		"ContainerCPUAbove10 (rules/node.yaml:19) fires at > 10%: far from the threshold 80% ",
		"(alerts.cpu_ratio; farther than alerts.capacity_far_factor 0.5 allows)",
	]))
}

test_a_tighter_threshold_within_the_factor_counts if {
	r := infrastructure_alerts.report with input as snapshot([alert("NodeCPUAbove70", 0.7, "above", "> 70%")], [], [], [])
	testing.criterion(r, "High CPU usage (>80%)").verdict == "pass"
}

test_the_far_factor_comes_from_gonogo_yaml if {
	low := alert("ContainerCPUAbove10", 0.1, "above", "> 10%")
	inp := object.union(snapshot([low], [], [], []), {"settings": {"thresholds": {"alerts.capacity_far_factor": 0.1}}})
	r := infrastructure_alerts.report with input as inp
	testing.criterion(r, "High CPU usage (>80%)").verdict == "pass"
}

test_fail_when_a_disk_alert_fires_with_most_of_the_disk_free if {
	r := infrastructure_alerts.report with input as snapshot([], [], [alert("DiskBelow60", 0.6, "below", "< 60%")], [])
	c := testing.criterion(r, "Disk space critical (<10%)")
	c.verdict == "fail"
	contains(c.message, "far from the threshold 10% (alerts.disk_free_ratio;")
}

test_fail_when_the_alert_watches_no_workload_of_the_repository if {
	other := object.union(alert("BatchCPUHigh", 0.8, "above", "> 80%"), {
		"measured": ["container_cpu_usage_seconds_total"],
		"scope": {"selectors": ["container=batch-worker"], "related": false, "workloads": [], "collected": 3},
	})
	r := infrastructure_alerts.report with input as snapshot([other], [], [], [])
	c := testing.criterion(r, "High CPU usage (>80%)")
	c.verdict == "fail"
	c.message == concat("", [
		"not covered: BatchCPUHigh (rules/node.yaml:12) fires at > 80% on container_cpu_usage_seconds_total ",
		"for container=batch-worker (matches none of the 3 workloads read): not the service's own workloads",
	])
}

test_selectors_with_no_workload_read_to_compare_with_count if {
	scoped := object.union(alert("ApiCPUHigh", 0.8, "above", "> 80%"), {
		"scope": {"selectors": ["container=api"], "related": null, "workloads": [], "collected": 0},
	})
	r := infrastructure_alerts.report with input as snapshot([scoped], [], [], [])
	c := testing.criterion(r, "High CPU usage (>80%)")
	c.verdict == "pass"
	contains(c.message, "for container=api (no workload read to compare with)")
}

test_pending_when_no_alert_rule_was_collected if {
	r := infrastructure_alerts.report with input as {"monitoring": {
		"prometheus": {"alerting_rules": 0},
		"alerts": {},
		"alert_coverage": snapshot([], [], [], []).monitoring.alert_coverage,
	}}
	r.verdict == "pending"
	testing.criterion(r, "High CPU usage (>80%)").message == "no alert rules collected"
	testing.criterion(r, "Pod restart loops").verdict == "pending"
}

test_a_bool_comparison_that_always_fires_does_not_count if {
	always := object.union(alert("CPUBool", 0.8, "above", "> 80%"), {"always_fires": true})
	r := infrastructure_alerts.report with input as snapshot([always], [], [], [])
	c := testing.criterion(r, "High CPU usage (>80%)")
	c.verdict == "fail"
	contains(c.message, "a `bool` comparison returns 0 or 1 for every series, so it fires whatever the value")
}

test_fail_when_threshold_is_looser_than_the_seed if {
	r := infrastructure_alerts.report with input as snapshot(
		[alert("HostCPUCritical", 0.95, "above", "> 95%")],
		good.monitoring.alert_coverage.high_memory.alerts,
		good.monitoring.alert_coverage.disk_space.alerts,
		good.monitoring.alert_coverage.pod_restarts.alerts,
	)
	r.verdict == "fail"
	c := testing.criterion(r, "High CPU usage (>80%)")
	c.verdict == "fail"
	contains(c.message, "HostCPUCritical (rules/node.yaml:15) fires at > 95%: 0.95 is looser than the threshold 0.8 (alerts.cpu_ratio)")
	testing.criterion(r, "High memory usage (>85%)").verdict == "pass"
}

test_threshold_comes_from_gonogo_yaml if {
	loose := snapshot(
		[alert("HostCPUCritical", 0.95, "above", "> 95%")],
		good.monitoring.alert_coverage.high_memory.alerts,
		good.monitoring.alert_coverage.disk_space.alerts,
		good.monitoring.alert_coverage.pod_restarts.alerts,
	)
	r := infrastructure_alerts.report with input as object.union(loose, {"settings": {"thresholds": {"alerts.cpu_ratio": 0.95}}})
	r.verdict == "pass"
}

test_fail_when_disk_alert_fires_only_below_five_percent_or_with_a_prediction if {
	r := infrastructure_alerts.report with input as snapshot(
		good.monitoring.alert_coverage.high_cpu.alerts,
		good.monitoring.alert_coverage.high_memory.alerts,
		[
			alert("NodeFilesystemAlmostOutOfSpace", 0.05, "below", "< 5%"),
			object.union(
				alert("NodeFilesystemSpaceFillingUp", 0.15, "below", "< 15%"),
				{"conditional": true, "notes": ["fires only when predict_linear condition also holds (and)"]},
			),
		],
		good.monitoring.alert_coverage.pod_restarts.alerts,
	)
	c := testing.criterion(r, "Disk space critical (<10%)")
	c.verdict == "fail"
	contains(c.message, "0.05 is looser than the threshold 0.1 (alerts.disk_free_ratio)")
	contains(c.message, "fires only together with another condition (fires only when predict_linear")
	count(c.evidence) == 2
}

test_fail_when_the_covering_alert_is_routed_nowhere if {
	r := infrastructure_alerts.report with input as snapshot(
		good.monitoring.alert_coverage.high_cpu.alerts,
		good.monitoring.alert_coverage.high_memory.alerts,
		good.monitoring.alert_coverage.disk_space.alerts,
		[object.union(alert("KubePodCrashLooping", null, null, ">= 1"), {"receivers": ["null"], "integrations": [], "routed": false})],
	)
	c := testing.criterion(r, "Pod restart loops")
	c.verdict == "fail"
	contains(c.message, "reaches null (no integration): no receiver with a configured integration")
}

test_fail_when_no_alert_measures_a_class if {
	r := infrastructure_alerts.report with input as snapshot([], [], [], [])
	r.verdict == "fail"
	testing.criterion(r, "High memory usage (>85%)").message == "no alerting rule measures it (7 alerting rules read)"
}

# Routing is 3.1.3's and 6.3.3's to decide: unknown routing (no Alertmanager configuration
# collected) is stated, and the alert still covers its class.
test_pass_and_say_so_when_routing_is_unknown if {
	r := infrastructure_alerts.report with input as snapshot(
		[object.union(alert("NodeHighCPU", 0.8, "above", "> 80%"), {"receivers": [], "integrations": [], "routed": null})],
		[], [], [],
	)
	c := testing.criterion(r, "High CPU usage (>80%)")
	c.verdict == "pass"
	contains(c.message, concat("", [
		"NodeHighCPU (rules/node.yaml:11) fires at > 80% against the threshold 80% (alerts.cpu_ratio), ",
		"routing unknown: no Alertmanager config collected",
	]))
	[table] := r.tables
	["High CPU usage (>80%)", "NodeHighCPU", "> 80%", "routing unknown", "pass"] in table.rows
}

test_pending_without_evidence if {
	r := infrastructure_alerts.report with input as {}
	r.verdict == "pending"
	contains(testing.criterion(r, "High CPU usage (>80%)").message, "no evidence collected")
}

test_error_when_a_class_row_is_missing if {
	r := infrastructure_alerts.report with input as {"monitoring": {"alert_coverage": {}}}
	r.verdict == "error"
}

test_the_report_carries_the_alert_coverage_table_ordered_by_class if {
	r := infrastructure_alerts.report with input as snapshot(
		[alert("HostCPUCritical", 0.95, "above", "> 95%")],
		good.monitoring.alert_coverage.high_memory.alerts,
		[],
		good.monitoring.alert_coverage.pod_restarts.alerts,
	)
	[table] := r.tables
	table.title == "Alert coverage"
	table.columns == ["Alert class", "Alert(s)", "Threshold found", "Receiver reached", "Verdict"]
	table.rows == [
		["Disk space critical (<10%)", "\u2014", "\u2014", "none", "fail"],
		["High CPU usage (>80%)", "HostCPUCritical", "> 95%", "pagerduty-oncall", "fail"],
		["High memory usage (>85%)", "NodeHighMemory", "> 85%", "pagerduty-oncall", "pass"],
		["Pod restart loops", "KubePodCrashLooping", ">= 1", "pagerduty-oncall", "pass"],
	]
}

test_no_table_when_the_monitoring_collector_did_not_run if {
	r := infrastructure_alerts.report with input as {}
	not r.tables
	r.verdict == "pending"
}

test_threshold_defaults_come_from_the_metadata if {
	loose := snapshot(
		[alert("HostCPUCritical", 0.81, "above", "> 81%")],
		good.monitoring.alert_coverage.high_memory.alerts,
		good.monitoring.alert_coverage.disk_space.alerts,
		good.monitoring.alert_coverage.pod_restarts.alerts,
	)
	r := infrastructure_alerts.report with input as loose
	contains(testing.criterion(r, "High CPU usage (>80%)").message, "0.81 is looser than the threshold 0.8 (alerts.cpu_ratio)")
}

test_an_alert_from_a_rule_file_promtool_rejects_does_not_count if {
	checks := {"files": {"rules/node.yaml": {
		"checked": true, "valid": false, "line": 12, "error": "invalid expression",
		"provenance": {"collector": "monitoring", "file": "rules/node.yaml", "ref": "rules/node.yaml"},
	}}}
	r := infrastructure_alerts.report with input as object.union(good, {"monitoring": {"prometheus": {"rule_checks": checks}}})
	c := testing.criterion(r, "High CPU usage (>80%)")
	c.verdict == "fail"
	c.message == "not covered: NodeHighCPU (rules/node.yaml:11): its rule file is rejected by promtool check rules (invalid expression)"
}

test_an_alert_from_a_rule_file_promtool_accepts_counts if {
	checks := {"files": {"rules/node.yaml": {
		"checked": true, "valid": true, "line": null, "error": null,
		"provenance": {"collector": "monitoring", "file": "rules/node.yaml", "ref": "rules/node.yaml"},
	}}}
	r := infrastructure_alerts.report with input as object.union(good, {"monitoring": {"prometheus": {"rule_checks": checks}}})
	r.verdict == "pass"
}
