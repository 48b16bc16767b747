package gonogo.items.infrastructure.networking.firewall_rules_test

import data.gonogo.items.infrastructure.networking.firewall_rules

test_pending_without_evidence if {
	r := firewall_rules.report with input as {}
	r.verdict == "pending"
}
