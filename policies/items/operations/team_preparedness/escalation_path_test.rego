package gonogo.items.operations.team_preparedness.escalation_path_test

import data.gonogo.items.operations.team_preparedness.escalation_path

test_passes_with_escalation_heading if {
	r := escalation_path.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"on_call": [
					{
						"path": "docs/on-call.md",
						"title": "on_call",
						"provenance": {
							"collector": "documents",
							"file": "docs/on-call.md",
							"ref": "docs/on-call.md:1",
						},
						"headings": [
							"on-call",
							"escalation contacts",
						],
					},
				],
			},
		},
	}
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "escalation contacts")
}

test_fails_without_contacts if {
	r := escalation_path.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"incident_response": [
					{
						"path": "docs/incident.md",
						"title": "incident_response",
						"provenance": {
							"collector": "documents",
							"file": "docs/incident.md",
							"ref": "docs/incident.md:1",
						},
						"headings": [
							"triage",
						],
					},
				],
			},
		},
	}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no heading matching")
}

test_fails_when_missing if {
	r := escalation_path.report with input as {"metadata": {"created_at": "2026-11-01T00:00:00Z"}, "operations": {"documents": {}}}
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
