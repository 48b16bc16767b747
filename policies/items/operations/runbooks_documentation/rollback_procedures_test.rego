package gonogo.items.operations.runbooks_documentation.rollback_procedures_test

import data.gonogo.items.operations.runbooks_documentation.rollback_procedures

test_pending_without_evidence if {
	r := rollback_procedures.report with input as {}
	r.verdict == "pending"
}
