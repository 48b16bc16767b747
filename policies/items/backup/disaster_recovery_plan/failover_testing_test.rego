package gonogo.items.backup.disaster_recovery_plan.failover_testing_test

import data.gonogo.items.backup.disaster_recovery_plan.failover_testing

test_multi_region_not_applicable_for_single_region if {
	r := failover_testing.report with input as {"metadata": {"created_at": "2026-11-01T00:00:00Z"}, "context": {"multi_region": false}}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "context.multi_region is false")
}

test_pending_without_attestations if {
	r := failover_testing.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "failover-test attestation")
}
