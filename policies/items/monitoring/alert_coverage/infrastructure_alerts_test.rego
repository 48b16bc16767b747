package gonogo.items.monitoring.alert_coverage.infrastructure_alerts_test

import data.gonogo.items.monitoring.alert_coverage.infrastructure_alerts

test_pending_without_evidence if {
	r := infrastructure_alerts.report with input as {}
	r.verdict == "pending"
}
