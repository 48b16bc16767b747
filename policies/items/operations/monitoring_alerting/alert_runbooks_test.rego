package gonogo.items.operations.monitoring_alerting.alert_runbooks_test

import data.gonogo.items.operations.monitoring_alerting.alert_runbooks

test_pending_without_evidence if {
	r := alert_runbooks.report with input as {}
	r.verdict == "pending"
}
