package gonogo.items.monitoring.logging_tracing.log_retention_policy_defined_test

import data.gonogo.items.monitoring.logging_tracing.log_retention_policy_defined

test_pending_without_evidence if {
	r := log_retention_policy_defined.report with input as {}
	r.verdict == "pending"
}
