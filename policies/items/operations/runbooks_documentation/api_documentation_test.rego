package gonogo.items.operations.runbooks_documentation.api_documentation_test

import data.gonogo.items.operations.runbooks_documentation.api_documentation
import data.gonogo.lib.testing

test_passes_with_published_spec if {
	r := api_documentation.report with input as testing.documents_snapshot({
		"api_reference": [
			testing.document("api_reference", "api/openapi.yaml", {
				"format": "openapi",
				"operations": 7,
				"published_url": "https://api.example.com",
			}),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "7 operations")
}

test_fails_when_not_published if {
	r := api_documentation.report with input as testing.documents_snapshot({
		"api_reference": [
			testing.document("api_reference", "api/openapi.yaml", {"format": "openapi", "operations": 7}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "servers")
}

test_fails_when_empty if {
	r := api_documentation.report with input as testing.documents_snapshot({
		"api_reference": [
			testing.document("api_reference", "api/openapi.yaml", {
				"format": "openapi",
				"operations": 0,
				"published_url": "https://x",
			}),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no operations")
}

test_nothing_to_judge_when_missing if {
	r := api_documentation.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	some c in r.criteria
	startswith(c.message, "no OpenAPI")
	endswith(c.message, " collected")
}

test_pending_without_documents_collector if {
	r := api_documentation.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}
