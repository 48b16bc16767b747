package gonogo.items.operations.team_preparedness.on_call_rotation_test

import data.gonogo.items.operations.team_preparedness.on_call_rotation

test_pending_without_evidence if {
	r := on_call_rotation.report with input as {}
	r.verdict == "pending"
}
