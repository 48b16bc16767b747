package gonogo.items.monitoring.logging_tracing.log_retention_policy_defined_test

import data.gonogo.items.monitoring.logging_tracing.log_retention_policy_defined

setting(system, days, enforced, note) := {
	"system": system, "name": "retention", "days": days, "enforced": enforced, "note": note,
	"provenance": {"collector": "monitoring", "file": "loki.yaml", "ref": "loki.yaml:24"},
}

snapshot(retention) := {"monitoring": {"logging": {"retention": retention, "shippers": [], "structured": [], "audit": [], "log_alerts": []}}}

test_pass_with_ninety_days_enforced if {
	r := log_retention_policy_defined.report with input as snapshot([setting("loki", 90, true, "")])
	r.verdict == "pass"
	some c in r.criteria
	c.message == "loki retention (loki.yaml:24): 90 days >= 90, enforced"
}

test_fail_with_thirty_days if {
	r := log_retention_policy_defined.report with input as snapshot([setting("loki", 30, true, ""), setting("cloudwatch", 365, true, "")])
	r.verdict == "fail"
	some c in r.criteria
	c.message == "loki retention (loki.yaml:24): 30 days < 90"
	c.evidence == ["loki.yaml:24"]
}

test_fail_when_retention_is_not_enforced if {
	note := "compactor.retention_enabled is not true: logs are never deleted"
	r := log_retention_policy_defined.report with input as snapshot([setting("loki", 90, false, note)])
	some c in r.criteria
	contains(c.message, "compactor.retention_enabled is not true")
}

test_threshold_from_gonogo_yaml if {
	settings := {"settings": {"thresholds": {"logging.retention_days": 30}}}
	r := log_retention_policy_defined.report with input as object.union(snapshot([setting("loki", 30, true, "")]), settings)
	r.verdict == "pass"
}

test_fail_without_a_setting if {
	r := log_retention_policy_defined.report with input as snapshot([])
	r.verdict == "fail"
}

test_pending_without_evidence if {
	r := log_retention_policy_defined.report with input as {}
	r.verdict == "pending"
}
