package gonogo.items.infrastructure.networking.cdn_test

import data.gonogo.items.infrastructure.networking.cdn

test_pending_without_evidence if {
	r := cdn.report with input as {}
	r.verdict == "pending"
}
