package gonogo.items.monitoring.monitoring_infrastructure.grafana_test

import data.gonogo.items.monitoring.monitoring_infrastructure.grafana

test_pending_without_evidence if {
	r := grafana.report with input as {}
	r.verdict == "pending"
}
