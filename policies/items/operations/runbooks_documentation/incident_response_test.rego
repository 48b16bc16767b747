package gonogo.items.operations.runbooks_documentation.incident_response_test

import data.gonogo.items.operations.runbooks_documentation.incident_response

test_passes_with_steps if {
	r := incident_response.report with input as {
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
						"steps": 5,
					},
				],
			},
		},
	}
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "5 numbered steps")
}

test_fails_without_steps if {
	r := incident_response.report with input as {
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
						"steps": 0,
					},
				],
			},
		},
	}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "0 numbered steps < 3")
}

test_fails_when_missing if {
	r := incident_response.report with input as {"metadata": {"created_at": "2026-11-01T00:00:00Z"}, "operations": {"documents": {}}}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no incident response runbook found")
}

test_pending_without_documents_collector if {
	r := incident_response.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
