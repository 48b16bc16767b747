package gonogo.items.monitoring.alert_coverage.business_alerts_test

import data.gonogo.items.monitoring.alert_coverage.business_alerts

test_pending_without_evidence if {
	r := business_alerts.report with input as {}
	r.verdict == "pending"
}
