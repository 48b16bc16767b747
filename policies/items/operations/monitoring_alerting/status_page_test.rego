package gonogo.items.operations.monitoring_alerting.status_page_test

import data.gonogo.items.operations.monitoring_alerting.status_page

test_pending_without_evidence if {
	r := status_page.report with input as {}
	r.verdict == "pending"
}
