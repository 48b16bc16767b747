package gonogo.items.operations.team_preparedness.escalation_path_test

import data.gonogo.items.operations.team_preparedness.escalation_path
import data.gonogo.lib.testing

test_passes_with_escalation_heading if {
	r := escalation_path.report with input as testing.documents_snapshot({
		"on_call": [
			testing.document("on_call", "docs/on-call.md", {"headings": ["on-call", "escalation contacts"]}),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "escalation contacts")
}

test_fails_without_contacts if {
	r := escalation_path.report with input as testing.documents_snapshot({
		"incident_response": [
			testing.document("incident_response", "docs/incident.md", {"headings": ["triage"]}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no heading matching")
}

test_fails_when_missing if {
	r := escalation_path.report with input as testing.documents_snapshot({})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no escalation")
}

test_pending_without_documents_collector if {
	r := escalation_path.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
