package gonogo.items.monitoring.alert_coverage.security_alerts_test

import data.gonogo.items.monitoring.alert_coverage.security_alerts

test_pending_without_evidence if {
	r := security_alerts.report with input as {}
	r.verdict == "pending"
}
