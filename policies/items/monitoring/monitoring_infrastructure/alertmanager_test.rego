package gonogo.items.monitoring.monitoring_infrastructure.alertmanager_test

import data.gonogo.items.monitoring.monitoring_infrastructure.alertmanager

test_pending_without_evidence if {
	r := alertmanager.report with input as {}
	r.verdict == "pending"
}
