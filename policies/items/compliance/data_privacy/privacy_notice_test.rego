package gonogo.items.compliance.data_privacy.privacy_notice_test

import data.gonogo.items.compliance.data_privacy.privacy_notice
import data.gonogo.lib.application_test as fx_app
import data.gonogo.lib.testing

_policy(fields) := testing.documents_snapshot({"privacy_policy": [testing.document("privacy_policy", "legal/privacy.md", fields)]})

# METADATA
# description: A privacy policy with content and a published URL, for the item tests.
published_policy := _policy({"words": 1200, "published_url": "https://shop.example.com/privacy"})

test_pending_without_documents if {
	r := privacy_notice.published with input as {}
	r.verdict == "pending"
}

test_declared_when_published_with_content if {
	r := privacy_notice.published with input as published_policy
	r.verdict == "pass"
	r.assurance == "declared"
	r.message == "legal/privacy.md (1200 words) published at https://shop.example.com/privacy"
}

test_a_heading_alone_fails if {
	r := privacy_notice.published with input as _policy({"words": 3, "published_url": "https://shop.example.com/privacy"})
	r.verdict == "fail"
	r.message == "legal/privacy.md has 3 words < 100: a heading, not a policy"
}

test_unpublished_fails if {
	r := privacy_notice.published with input as _policy({"words": 400})
	r.verdict == "fail"
	contains(r.message, "is not published: no `published:` URL")
}

test_missing_is_nothing_to_judge if {
	r := privacy_notice.published with input as testing.documents_snapshot({})
	r.verdict == "pending"
	startswith(r.message, "no privacy policy or notice (")
}

_api := fx_app.fact("OpenAPI 3.0.3", "5 operations", "api/openapi.yaml:1")

test_operation_pending_until_collected_or_when_no_api_was_found if {
	privacy_notice.data_export.verdict == "pending" with input as {}
	none := privacy_notice.data_export with input as fx_app.snapshot({})
	contains(none.message, "an API description or routes in code to look for a data export operation in: none found")
}

test_operation_fails_when_apis_lack_it if {
	missing := privacy_notice.data_deletion with input as fx_app.snapshot({"privacy": {"apis": [_api]}})
	missing.verdict == "fail"
	missing.message == "no user or account deletion operation in 1 API(s) or route file(s): OpenAPI 3.0.3: 5 operations (api/openapi.yaml:1)"
}

test_operation_passes_when_found if {
	export := fx_app.fact("OpenAPI 3.0.3", "GET /users/{userId}/export", "api/openapi.yaml:37")
	found := privacy_notice.data_export with input as fx_app.snapshot({"privacy": {"apis": [_api], "data_export": [export]}})
	found.verdict == "pass"
	found.evidence == ["api/openapi.yaml:37"]
}
