package gonogo.items.monitoring.alert_coverage.application_alerts_test

import data.gonogo.items.monitoring.alert_coverage.application_alerts

test_pending_without_evidence if {
	r := application_alerts.report with input as {}
	r.verdict == "pending"
}
