package gonogo.items.monitoring.logging_tracing.centralized_logging_configured_test

import data.gonogo.items.monitoring.logging_tracing.centralized_logging_configured

test_pending_without_evidence if {
	r := centralized_logging_configured.report with input as {}
	r.verdict == "pending"
}
