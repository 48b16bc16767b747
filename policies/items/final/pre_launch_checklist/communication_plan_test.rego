package gonogo.items.final.pre_launch_checklist.communication_plan_test

import data.gonogo.items.final.pre_launch_checklist.communication_plan
import data.gonogo.lib.testing

test_pending_without_an_attestation if {
	r := communication_plan.report with input as {}
	r.verdict == "pending"
	testing.criterion(r, "Stakeholders notified").message == "needs an attestation by the Product Manager covering 10.1.6 or 10.1.6#1"
}

test_passes_with_the_product_manager_attestation if {
	r := communication_plan.report with input as testing.attested("10.1.6#1", "Product Manager", {})
	r.verdict == "pass"
	testing.criterion(r, "Stakeholders notified").assurance == "attested"
}

test_an_attestation_of_another_commit_does_not_count if {
	r := communication_plan.report with input as testing.attested_unbound("10.1.6", "Product Manager", {})
	r.verdict == "pending"
}

test_another_role_does_not_count if {
	r := communication_plan.report with input as testing.attested("10.1.6", "Security Lead", {})
	r.verdict == "pending"
}

test_fails_when_the_attestation_counts_stakeholders_not_notified if {
	r := communication_plan.report with input as testing.attested("10.1.6", "Product Manager", {"expected": 12, "completed": 9})
	r.verdict == "fail"
	contains(r.criteria[0].message, "9 of 12 completed")
}
