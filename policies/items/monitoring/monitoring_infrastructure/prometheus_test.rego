package gonogo.items.monitoring.monitoring_infrastructure.prometheus_test

import data.gonogo.items.monitoring.monitoring_infrastructure.prometheus

test_pending_without_evidence if {
	r := prometheus.report with input as {}
	r.verdict == "pending"
}
