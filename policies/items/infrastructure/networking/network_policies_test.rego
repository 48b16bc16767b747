package gonogo.items.infrastructure.networking.network_policies_test

import data.gonogo.items.infrastructure.networking.network_policies

test_pending_without_evidence if {
	r := network_policies.report with input as {}
	r.verdict == "pending"
}
