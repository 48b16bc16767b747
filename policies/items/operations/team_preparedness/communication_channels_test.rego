package gonogo.items.operations.team_preparedness.communication_channels_test

import data.gonogo.items.operations.team_preparedness.communication_channels

test_pending_without_evidence if {
	r := communication_channels.report with input as {}
	r.verdict == "pending"
}
