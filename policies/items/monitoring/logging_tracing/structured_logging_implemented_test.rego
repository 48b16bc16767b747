package gonogo.items.monitoring.logging_tracing.structured_logging_implemented_test

import data.gonogo.items.monitoring.logging_tracing.structured_logging_implemented

test_pending_without_evidence if {
	r := structured_logging_implemented.report with input as {}
	r.verdict == "pending"
}
