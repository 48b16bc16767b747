package gonogo.items.operations.runbooks_documentation.deployment_guide_test

import data.gonogo.items.operations.runbooks_documentation.deployment_guide
import data.gonogo.lib.testing

test_a_front_matter_rehearsal_date_alone_is_declared_so_pending if {
	r := deployment_guide.report with input as testing.documents_snapshot({
		"deployment_guide": [
			testing.document("deployment_guide", "docs/deploy.md", {"steps": 6, "last_tested": "2026-10-01"}),
		],
	})
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "declared only")
	contains(c.message, "rehearsed 2026-10-01 by its front matter")
	contains(c.message, "or an attestation by the DevOps Lead")
}

test_passes_when_the_devops_lead_attests_the_rehearsal if {
	snapshot := testing.documents_snapshot({
		"deployment_guide": [
			testing.document("deployment_guide", "docs/deploy.md", {"steps": 6, "last_tested": "2026-10-01"}),
		],
	})
	r := deployment_guide.report with input as object.union(snapshot, testing.attested("6.1.1", "DevOps Lead", {}))
	r.verdict == "pass"
	some c in r.criteria
	c.assurance == "attested"
}

test_fails_when_never_rehearsed if {
	r := deployment_guide.report with input as testing.documents_snapshot({
		"deployment_guide": [
			testing.document("deployment_guide", "docs/deploy.md", {"steps": 6}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no record that it was rehearsed")
}

test_fails_when_rehearsal_stale if {
	r := deployment_guide.report with input as testing.documents_snapshot({
		"deployment_guide": [
			testing.document("deployment_guide", "docs/deploy.md", {"steps": 6, "last_tested": "2025-01-01"}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "days ago > 180")
}

test_fails_when_too_few_steps if {
	r := deployment_guide.report with input as testing.documents_snapshot({
		"deployment_guide": [
			testing.document("deployment_guide", "docs/deploy.md", {"steps": 1, "last_tested": "2026-10-01"}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "1 numbered steps < 3")
}

test_nothing_to_judge_when_missing if {
	r := deployment_guide.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "no deployment guide (")
}

test_pending_without_documents_collector if {
	r := deployment_guide.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
