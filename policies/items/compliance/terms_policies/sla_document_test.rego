package gonogo.items.compliance.terms_policies.sla_document_test

import data.gonogo.items.compliance.terms_policies.sla_document
import data.gonogo.lib.testing

test_passes_when_published if {
	r := sla_document.report with input as testing.documents_snapshot({
		"sla": [
			testing.document("sla", "legal/sla.md", {"published_url": "https://example.com/sla"}),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "published at https://example.com/")
}

test_fails_when_not_published if {
	r := sla_document.report with input as testing.documents_snapshot({
		"sla": [
			testing.document("sla", "legal/sla.md", {}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "is not published")
}

test_nothing_to_judge_when_missing if {
	r := sla_document.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "no SLA document (")
}

test_pending_without_documents_collector if {
	r := sla_document.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
