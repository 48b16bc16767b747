package gonogo.items.operations.monitoring_alerting.incident_management_test

import data.gonogo.items.operations.monitoring_alerting.incident_management

test_pending_without_evidence if {
	r := incident_management.report with input as {}
	r.verdict == "pending"
}
