package gonogo.items.compliance.terms_policies.terms_of_service_test

import data.gonogo.items.compliance.terms_policies.terms_of_service
import data.gonogo.lib.testing

test_passes_when_published if {
	r := terms_of_service.report with input as testing.documents_snapshot({
		"terms_of_service": [
			testing.document("terms_of_service", "legal/terms_of_service.md", {
				"published_url": "https://example.com/terms_of_service",
			}),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "published at https://example.com/")
}

test_fails_when_not_published if {
	r := terms_of_service.report with input as testing.documents_snapshot({
		"terms_of_service": [
			testing.document("terms_of_service", "legal/terms_of_service.md", {}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "is not published")
}

test_nothing_to_judge_when_missing if {
	r := terms_of_service.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "no terms of service (")
}

test_pending_without_documents_collector if {
	r := terms_of_service.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
