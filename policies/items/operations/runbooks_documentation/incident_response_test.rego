package gonogo.items.operations.runbooks_documentation.incident_response_test

import data.gonogo.items.operations.runbooks_documentation.incident_response
import data.gonogo.lib.testing

test_passes_with_steps if {
	r := incident_response.report with input as testing.documents_snapshot({
		"incident_response": [
			testing.document("incident_response", "docs/incident.md", {"steps": 5}),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "5 numbered steps")
}

test_fails_without_steps if {
	r := incident_response.report with input as testing.documents_snapshot({
		"incident_response": [
			testing.document("incident_response", "docs/incident.md", {"steps": 0}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "0 numbered steps < 3")
}

test_nothing_to_judge_when_missing if {
	r := incident_response.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "no incident response runbook (")
}

test_pending_without_documents_collector if {
	r := incident_response.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
