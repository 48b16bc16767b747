package gonogo.items.monitoring.logging_tracing.distributed_tracing_ready_test

import data.gonogo.items.monitoring.logging_tracing.distributed_tracing_ready

test_pending_without_evidence if {
	r := distributed_tracing_ready.report with input as {}
	r.verdict == "pending"
}
