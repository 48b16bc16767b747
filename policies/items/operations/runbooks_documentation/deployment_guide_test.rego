package gonogo.items.operations.runbooks_documentation.deployment_guide_test

import data.gonogo.items.operations.runbooks_documentation.deployment_guide

test_pending_without_evidence if {
	r := deployment_guide.report with input as {}
	r.verdict == "pending"
}
