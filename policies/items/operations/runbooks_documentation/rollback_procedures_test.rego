package gonogo.items.operations.runbooks_documentation.rollback_procedures_test

import data.gonogo.items.operations.runbooks_documentation.rollback_procedures
import data.gonogo.lib.testing

test_a_front_matter_rehearsal_date_alone_is_declared_so_pending if {
	r := rollback_procedures.report with input as testing.documents_snapshot({
		"rollback": [
			testing.document("rollback", "docs/rollback.md", {"steps": 4, "last_tested": "2026-09-15"}),
		],
	})
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "declared only")
	contains(c.message, "rehearsed 2026-09-15 by its front matter")
	contains(c.message, "or an attestation by the DevOps Lead")
}

test_passes_when_the_devops_lead_attests_the_rehearsal if {
	snapshot := testing.documents_snapshot({
		"rollback": [
			testing.document("rollback", "docs/rollback.md", {"steps": 4, "last_tested": "2026-09-15"}),
		],
	})
	r := rollback_procedures.report with input as object.union(snapshot, testing.attested("6.1.2", "DevOps Lead", {}))
	r.verdict == "pass"
	some c in r.criteria
	c.assurance == "attested"
}

test_fails_when_not_rehearsed if {
	r := rollback_procedures.report with input as testing.documents_snapshot({
		"rollback": [
			testing.document("rollback", "docs/rollback.md", {"steps": 4}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "rehearsed")
}

test_nothing_to_judge_when_missing if {
	r := rollback_procedures.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "no rollback procedure (")
}

test_pending_without_documents_collector if {
	r := rollback_procedures.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
