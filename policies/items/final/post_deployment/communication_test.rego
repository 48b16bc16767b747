package gonogo.items.final.post_deployment.communication_test

import data.gonogo.items.final.post_deployment.communication
import data.gonogo.lib.testing

test_pending_without_an_attestation if {
	r := communication.report with input as {}
	r.verdict == "pending"
	testing.criterion(r, "Success communicated to stakeholders").message == "needs an attestation by the Product Manager covering 10.3.5 or 10.3.5#1"
}

test_passes_with_the_product_manager_attestation if {
	r := communication.report with input as testing.attested("10.3.5", "Product Manager", {})
	r.verdict == "pass"
	testing.criterion(r, "Success communicated to stakeholders").assurance == "attested"
}

test_an_attestation_of_another_commit_does_not_count if {
	r := communication.report with input as testing.attested_unbound("10.3.5#1", "Product Manager", {})
	r.verdict == "pending"
}

test_another_role_does_not_count if {
	r := communication.report with input as testing.attested("10.3.5", "DevOps Lead", {})
	r.verdict == "pending"
}

test_fails_when_the_attestation_counts_stakeholders_not_told if {
	r := communication.report with input as testing.attested("10.3.5", "Product Manager", {"expected": 12, "completed": 11})
	r.verdict == "fail"
	contains(r.criteria[0].message, "11 of 12 completed")
}
