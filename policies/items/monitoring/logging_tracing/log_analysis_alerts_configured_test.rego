package gonogo.items.monitoring.logging_tracing.log_analysis_alerts_configured_test

import data.gonogo.items.monitoring.logging_tracing.log_analysis_alerts_configured

snapshot(alerts) := {"monitoring": {"logging": {"log_alerts": alerts, "shippers": [], "retention": [], "structured": [], "audit": []}}}

test_pass_with_a_loki_ruler_alert if {
	r := log_analysis_alerts_configured.report with input as snapshot([{
		"name": "PanicInLogs", "engine": "loki-ruler",
		"provenance": {"collector": "monitoring", "file": "loki-rules.yaml", "ref": "loki-rules.yaml:4"},
	}])
	r.verdict == "pass"
	some c in r.criteria
	c.message == "1 log alerts: PanicInLogs (loki-ruler, loki-rules.yaml:4)"
	c.evidence == ["loki-rules.yaml:4"]
}

test_fail_without_log_alerts if {
	r := log_analysis_alerts_configured.report with input as snapshot([])
	r.verdict == "fail"
	some c in r.criteria
	c.message == "no log-based alerting rule found (Loki ruler LogQL rules, ElastAlert rules)"
}

test_pending_without_evidence if {
	r := log_analysis_alerts_configured.report with input as {}
	r.verdict == "pending"
}
