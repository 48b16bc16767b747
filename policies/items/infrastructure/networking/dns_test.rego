package gonogo.items.infrastructure.networking.dns_test

import data.gonogo.items.infrastructure.networking.dns

test_pending_without_evidence if {
	r := dns.report with input as {}
	r.verdict == "pending"
}
