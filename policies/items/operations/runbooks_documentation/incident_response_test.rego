package gonogo.items.operations.runbooks_documentation.incident_response_test

import data.gonogo.items.operations.runbooks_documentation.incident_response

test_pending_without_evidence if {
	r := incident_response.report with input as {}
	r.verdict == "pending"
}
