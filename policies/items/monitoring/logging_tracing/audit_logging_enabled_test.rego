package gonogo.items.monitoring.logging_tracing.audit_logging_enabled_test

import data.gonogo.items.monitoring.logging_tracing.audit_logging_enabled

test_pending_without_evidence if {
	r := audit_logging_enabled.report with input as {}
	r.verdict == "pending"
}
