package gonogo.items.operations.team_preparedness.training_completed_test

import data.gonogo.items.operations.team_preparedness.training_completed
import data.gonogo.lib.testing

test_pending_without_an_attestation if {
	r := training_completed.report with input as {}
	r.verdict == "pending"
	testing.criterion(r, "Team trained on systems").message == "needs an attestation by the Engineering Lead covering 6.2.3 or 6.2.3#1"
}

test_passes_with_the_engineering_lead_attestation if {
	r := training_completed.report with input as testing.attested("6.2.3", "Engineering Lead", {})
	r.verdict == "pass"
	c := testing.criterion(r, "Team trained on systems")
	c.assurance == "attested"
	c.evidence == [".gonogo/attestations/a.dsse.json"]
}

test_an_attestation_of_another_commit_still_counts if {
	r := training_completed.report with input as testing.attested_unbound("6.2.3#1", "Engineering Lead", {})
	r.verdict == "pass"
}

test_another_role_does_not_count if {
	r := training_completed.report with input as testing.attested("6.2.3", "Product Manager", {})
	r.verdict == "pending"
}

test_fails_when_the_attestation_counts_untrained_on_call_people if {
	r := training_completed.report with input as testing.attested("6.2.3", "Engineering Lead", {"expected": 6, "completed": 4})
	r.verdict == "fail"
	contains(r.criteria[0].message, "4 of 6 completed")
}
