package gonogo.items.operations.team_preparedness.escalation_path_test

import data.gonogo.items.operations.team_preparedness.escalation_path

test_pending_without_evidence if {
	r := escalation_path.report with input as {}
	r.verdict == "pending"
}
