package gonogo.items.infrastructure.networking.load_balancer_test

import data.gonogo.items.infrastructure.networking.load_balancer

test_pending_without_evidence if {
	r := load_balancer.report with input as {}
	r.verdict == "pending"
}
