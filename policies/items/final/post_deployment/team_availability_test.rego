package gonogo.items.final.post_deployment.team_availability_test

import data.gonogo.items.final.post_deployment.team_availability

test_pending_without_evidence if {
	r := team_availability.report with input as {}
	r.verdict == "pending"
}
