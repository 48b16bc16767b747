package gonogo.items.compliance.terms_policies.sla_document_test

import data.gonogo.items.compliance.terms_policies.sla_document

test_pending_without_evidence if {
	r := sla_document.report with input as {}
	r.verdict == "pending"
}
