package gonogo.items.operations.team_preparedness.access_provisioned_test

import data.gonogo.items.operations.team_preparedness.access_provisioned

test_pending_without_evidence if {
	r := access_provisioned.report with input as {}
	r.verdict == "pending"
}
