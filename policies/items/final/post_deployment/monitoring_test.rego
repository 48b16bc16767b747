package gonogo.items.final.post_deployment.monitoring_test

import data.gonogo.items.final.post_deployment.monitoring

test_pending_without_evidence if {
	r := monitoring.report with input as {}
	r.verdict == "pending"
}
