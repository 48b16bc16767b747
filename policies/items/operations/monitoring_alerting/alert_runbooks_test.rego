package gonogo.items.operations.monitoring_alerting.alert_runbooks_test

import data.gonogo.items.operations.monitoring_alerting.alert_runbooks

alert(name, critical, runbook, line) := {
	"name": name, "expr": "up == 0", "severity": "x", "critical": critical, "runbook": runbook,
	"parsed": true, "classes": {},
	"provenance": {"collector": "monitoring", "file": "rules.yaml", "ref": sprintf("rules.yaml:%d", [line])},
}

file_runbook := {"kind": "file", "url": "docs/runbooks/a.md", "path": "docs/runbooks/a.md"}

url_runbook := {"kind": "url", "url": "https://runbooks.example.com/b"}

test_pass_when_every_critical_alert_links_a_runbook if {
	r := alert_runbooks.report with input as {"monitoring": {"alerts": {
		"A": alert("A", true, file_runbook, 3),
		"B": alert("B", true, url_runbook, 9),
		"C": alert("C", false, {"kind": "missing"}, 15),
	}}}
	r.verdict == "pass"
	some c in r.criteria
	c.message == "all 2 critical alerts link a runbook (1 repository files, 1 URLs)"
	c.evidence == ["rules.yaml:3", "rules.yaml:9"]
}

test_fail_on_missing_and_unresolved_runbooks if {
	r := alert_runbooks.report with input as {"monitoring": {"alerts": {
		"A": alert("A", true, file_runbook, 3),
		"B": alert("B", true, {"kind": "missing"}, 9),
		"C": alert("C", true, {"kind": "unresolved", "url": "docs/runbooks/gone.md"}, 15),
	}}}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "2 of 3 critical alerts lack a runbook")
	contains(c.message, "B (rules.yaml:9): no runbook_url annotation")
	contains(c.message, "C (rules.yaml:15): runbook_url docs/runbooks/gone.md is neither an http(s) URL nor a file in the repository")
	c.evidence == ["rules.yaml:9", "rules.yaml:15"]
}

# Nothing to judge is pending: no critical alert, or no alerting rule at all.
test_pending_without_critical_alerts if {
	r := alert_runbooks.report with input as {"monitoring": {"alerts": {"C": alert("C", false, url_runbook, 1)}}}
	r.verdict == "pending"
	some c in r.criteria
	startswith(c.message, "no critical alerts collected: none of 1 alerting rules Prometheus would load is labelled severity critical")
}

test_pending_without_alerts if {
	r := alert_runbooks.report with input as {"monitoring": {"alerts": {}, "prometheus": {"alerting_rules": 0}}}
	r.verdict == "pending"
	some c in r.criteria
	c.message == "no alert rules collected"
}

# One notion of an alert: a critical alert from a rule file promtool rejects is not loaded by
# Prometheus; the critical alerts that are must link a runbook.
test_a_critical_alert_from_a_rejected_rule_file_is_not_counted if {
	checks := {"files": {"bad.yaml": {"checked": true, "valid": false, "line": 2, "error": "invalid expression"}}}
	bad := object.union(alert("Broken", true, {"kind": "missing"}, 2), {"provenance": {"ref": "bad.yaml:2"}})
	r := alert_runbooks.report with input as {"monitoring": {
		"prometheus": {"alerting_rules": 2, "rule_checks": checks},
		"alerts": {"A": alert("A", true, file_runbook, 3), "Broken": bad},
	}}
	r.verdict == "pass"
	some c in r.criteria
	c.message == "all 1 critical alerts link a runbook (1 repository files, 0 URLs)"
}

test_pending_without_evidence if {
	r := alert_runbooks.report with input as {}
	r.verdict == "pending"
}
