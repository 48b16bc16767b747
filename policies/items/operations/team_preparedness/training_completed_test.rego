package gonogo.items.operations.team_preparedness.training_completed_test

import data.gonogo.items.operations.team_preparedness.training_completed

test_pending_without_evidence if {
	r := training_completed.report with input as {}
	r.verdict == "pending"
}
