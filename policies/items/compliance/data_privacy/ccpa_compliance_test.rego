package gonogo.items.compliance.data_privacy.ccpa_compliance_test

import data.gonogo.items.compliance.data_privacy.ccpa_compliance
import data.gonogo.items.compliance.data_privacy.privacy_notice_test as notice
import data.gonogo.lib.application_test as fx_app
import data.gonogo.lib.testing

test_not_applicable_when_context_says_no_and_the_product_manager_attests_it if {
	attested := testing.attested("context.serves_ca_users=false", "Product Manager", {})
	r := ccpa_compliance.report with input as object.union({"context": {"serves_ca_users": false}}, attested)
	r.verdict == "not_applicable"
	some c in r.criteria
	startswith(c.message, "context.serves_ca_users is false in gonogo.yaml")
}

test_a_typed_context_flag_alone_keeps_it_applicable if {
	r := ccpa_compliance.report with input as {"context": {"serves_ca_users": false}}
	r.verdict != "not_applicable"
	some c in r.criteria
	contains(c.message, "only an attestation by the Product Manager makes")
}

test_pending_when_context_says_yes if {
	r := ccpa_compliance.report with input as {"context": {"serves_ca_users": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := ccpa_compliance.report with input as {}
	r.verdict == "pending"
}

_api := fx_app.fact("OpenAPI 3.0.3", "5 operations", "api/openapi.yaml:1")

_opt_out := fx_app.fact("OpenAPI 3.0.3", "POST /privacy/opt-out", "api/openapi.yaml:50")

test_passes_with_an_opt_out_and_the_attested_notice if {
	snapshot := object.union_n([
		fx_app.snapshot({"privacy": {"apis": [_api], "opt_out": [_opt_out]}}),
		notice.published_policy,
		testing.attested("8.1.2#1", "Product Manager", {}),
	])
	r := ccpa_compliance.report with input as snapshot
	r.verdict == "pass"
	testing.criterion(r, "Opt-out mechanism available").message == "opt-out mechanism: OpenAPI 3.0.3: POST /privacy/opt-out (api/openapi.yaml:50)"
	testing.criterion(r, "Privacy notice posted").assurance == "attested"
}

test_fails_without_opt_out_or_notice_content if {
	snapshot := object.union(
		fx_app.snapshot({"privacy": {"apis": [_api]}}),
		testing.documents_snapshot({"privacy_policy": [testing.document("privacy_policy", "legal/privacy.md", {"words": 2})]}),
	)
	r := ccpa_compliance.report with input as snapshot
	r.verdict == "fail"
	testing.verdict(r, "Opt-out mechanism available") == "fail"
	contains(testing.criterion(r, "Privacy notice posted").message, "legal/privacy.md has 2 words < 100")
}

test_the_notice_alone_stays_pending_until_attested if {
	r := ccpa_compliance.report with input as object.union(fx_app.snapshot({"privacy": {"opt_out": [_opt_out]}}), notice.published_policy)
	testing.verdict(r, "Privacy notice posted") == "pending"
	testing.verdict(r, "Opt-out mechanism available") == "pass"
}
