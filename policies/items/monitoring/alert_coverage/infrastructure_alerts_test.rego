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
	contains(c.message, "NodeHighCPU (rules/node.yaml:11) fires at > 80%, reaches pagerduty-oncall (pagerduty)")
	c.evidence == ["rules/node.yaml:11"]
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

test_fail_when_routing_is_unknown if {
	r := infrastructure_alerts.report with input as snapshot(
		[object.union(alert("NodeHighCPU", 0.8, "above", "> 80%"), {"receivers": [], "integrations": [], "routed": null})],
		[], [], [],
	)
	contains(testing.criterion(r, "High CPU usage (>80%)").message, "routing unknown, no Alertmanager configuration was found")
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
