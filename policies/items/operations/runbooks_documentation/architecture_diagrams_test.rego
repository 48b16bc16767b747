package gonogo.items.operations.runbooks_documentation.architecture_diagrams_test

import data.gonogo.items.operations.runbooks_documentation.architecture_diagrams

test_pending_without_evidence if {
	r := architecture_diagrams.report with input as {}
	r.verdict == "pending"
}
