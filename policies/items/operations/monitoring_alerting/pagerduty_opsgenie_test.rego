package gonogo.items.operations.monitoring_alerting.pagerduty_opsgenie_test

import data.gonogo.items.operations.monitoring_alerting.pagerduty_opsgenie

test_pending_without_evidence if {
	r := pagerduty_opsgenie.report with input as {}
	r.verdict == "pending"
}
