package gonogo.items.monitoring.logging_tracing.log_analysis_alerts_configured_test

import data.gonogo.items.monitoring.logging_tracing.log_analysis_alerts_configured

test_pending_without_evidence if {
	r := log_analysis_alerts_configured.report with input as {}
	r.verdict == "pending"
}
