package gonogo.items.compliance.terms_policies.sla_document_test

import data.gonogo.items.compliance.terms_policies.sla_document

test_passes_when_published if {
	r := sla_document.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"sla": [
					{
						"path": "legal/sla.md",
						"title": "sla",
						"provenance": {
							"collector": "documents",
							"file": "legal/sla.md",
							"ref": "legal/sla.md:1",
						},
						"published_url": "https://example.com/sla",
					},
				],
			},
		},
	}
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "published at https://example.com/")
}

test_fails_when_not_published if {
	r := sla_document.report with input as {
		"metadata": {
			"created_at": "2026-11-01T00:00:00Z",
		},
		"operations": {
			"documents": {
				"sla": [
					{
						"path": "legal/sla.md",
						"title": "sla",
						"provenance": {
							"collector": "documents",
							"file": "legal/sla.md",
							"ref": "legal/sla.md:1",
						},
					},
				],
			},
		},
	}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "is not published")
}

test_fails_when_missing if {
	r := sla_document.report with input as {"metadata": {"created_at": "2026-11-01T00:00:00Z"}, "operations": {"documents": {}}}
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no SLA document found")
}

test_pending_without_documents_collector if {
	r := sla_document.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
