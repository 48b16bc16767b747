package gonogo.items.operations.team_preparedness.escalation_path_test

import data.gonogo.items.operations.team_preparedness.escalation_path
import data.gonogo.lib.testing

policy(levels, targets) := {
	"address": "pagerduty_escalation_policy.shop", "type": "pagerduty_escalation_policy", "provider": "pagerduty",
	"name": "shop", "levels": levels, "targets": targets, "target_types": ["schedule_reference"], "loops": 1,
	"provenance": {"collector": "terraform", "file": "plan.json", "ref": "plan.json:pagerduty_escalation_policy.shop"},
}

terraform(policies) := {"infrastructure": {"plans": {"plan.json": {}}, "escalation_policies": policies}}

test_passes_with_a_two_level_policy if {
	r := escalation_path.report with input as terraform({"p": policy(2, 2)})
	r.verdict == "pass"
	msg := testing.criterion(r, "Contacts documented").message
	msg == `pagerduty escalation policy "shop" (plan.json:pagerduty_escalation_policy.shop): 2 level(s), 2 target(s)`
}

test_passes_with_one_level_and_two_targets if {
	r := escalation_path.report with input as terraform({"p": policy(1, 2)})
	r.verdict == "pass"
}

test_fails_with_a_single_target if {
	r := escalation_path.report with input as terraform({"p": policy(1, 1)})
	r.verdict == "fail"
	contains(testing.criterion(r, "Contacts documented").message, "1 level(s), 1 target(s) (fewer than 2 levels and targets")
}

test_the_minimum_is_a_threshold if {
	r := escalation_path.report with input as object.union(terraform({"p": policy(2, 2)}), {"settings": {"thresholds": {"escalation.min_levels": 3}}})
	r.verdict == "fail"
}

test_written_contacts_are_declared_only if {
	r := escalation_path.report with input as testing.documents_snapshot({"on_call": [testing.document("on_call", "docs/on-call.md", {
		"sections": [{"heading": "escalation contacts", "words": 25}],
	})]})
	r.verdict == "pending"
	msg := testing.criterion(r, "Contacts documented").message
	contains(msg, `declared only (escalation contacts: section "escalation contacts" in docs/on-call.md (25 words))`)
}

test_an_empty_contacts_heading_fails if {
	r := escalation_path.report with input as testing.documents_snapshot({"on_call": [testing.document("on_call", "docs/on-call.md", {
		"sections": [{"heading": "escalation contacts", "words": 2}],
	})]})
	r.verdict == "fail"
	contains(testing.criterion(r, "Contacts documented").message, "has 2 words under it")
}

test_fails_without_contacts if {
	r := escalation_path.report with input as testing.documents_snapshot({
		"incident_response": [testing.document("incident_response", "docs/incident.md", {"sections": [{"heading": "triage", "words": 50}]})],
	})
	r.verdict == "fail"
	contains(testing.criterion(r, "Contacts documented").message, "no heading matching")
}

test_nothing_to_judge_when_missing if {
	r := escalation_path.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	contains(testing.criterion(r, "Contacts documented").message, "no escalation")
}

test_pending_without_documents_collector if {
	r := escalation_path.report with input as {}
	r.verdict == "pending"
	contains(testing.criterion(r, "Contacts documented").message, "documents collector")
}
