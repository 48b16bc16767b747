package gonogo.items.operations.runbooks_documentation.api_documentation_test

import data.gonogo.items.operations.runbooks_documentation.api_documentation

test_pending_without_evidence if {
	r := api_documentation.report with input as {}
	r.verdict == "pending"
}
