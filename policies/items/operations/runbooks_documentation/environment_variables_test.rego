package gonogo.items.operations.runbooks_documentation.environment_variables_test

import data.gonogo.items.operations.runbooks_documentation.environment_variables

test_pending_without_evidence if {
	r := environment_variables.report with input as {}
	r.verdict == "pending"
}
