package gonogo.items.final.post_deployment.rollback_ready_test

import data.gonogo.items.final.post_deployment.rollback_ready

test_pending_without_evidence if {
	r := rollback_ready.report with input as {}
	r.verdict == "pending"
}
