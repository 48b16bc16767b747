package gonogo.items.operations.monitoring_alerting.dashboard_access_test

import data.gonogo.items.operations.monitoring_alerting.dashboard_access

test_pending_without_evidence if {
	r := dashboard_access.report with input as {}
	r.verdict == "pending"
}
