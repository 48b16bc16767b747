package gonogo.items.monitoring.logging_tracing.audit_logging_enabled_test

import data.gonogo.items.monitoring.logging_tracing.audit_logging_enabled

entry(kind, enabled, detail) := {
	"kind": kind, "enabled": enabled, "detail": detail,
	"provenance": {"collector": "monitoring", "file": "audit.yaml", "ref": "audit.yaml:1"},
}

snapshot(audit) := {"monitoring": {"logging": {"audit": audit, "shippers": [], "retention": [], "structured": [], "log_alerts": []}}}

test_pass_with_an_audit_policy_that_records if {
	r := audit_logging_enabled.report with input as snapshot([entry("kubernetes-audit-policy", true, "3 rules, levels Metadata, None")])
	r.verdict == "pass"
	some c in r.criteria
	c.message == "audit logging: kubernetes-audit-policy: 3 rules, levels Metadata, None (audit.yaml:1)"
}

test_fail_when_every_rule_is_level_none if {
	r := audit_logging_enabled.report with input as snapshot([entry("kubernetes-audit-policy", false, "1 rules, levels None")])
	r.verdict == "fail"
	some c in r.criteria
	startswith(c.message, "audit settings found but none records anything")
}

test_fail_without_audit_settings if {
	r := audit_logging_enabled.report with input as snapshot([])
	r.verdict == "fail"
}

test_pending_without_evidence if {
	r := audit_logging_enabled.report with input as {}
	r.verdict == "pending"
}
