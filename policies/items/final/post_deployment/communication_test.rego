package gonogo.items.final.post_deployment.communication_test

import data.gonogo.items.final.post_deployment.communication

test_pending_without_evidence if {
	r := communication.report with input as {}
	r.verdict == "pending"
}
