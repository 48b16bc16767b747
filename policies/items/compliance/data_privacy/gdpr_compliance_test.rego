package gonogo.items.compliance.data_privacy.gdpr_compliance_test

import data.gonogo.items.compliance.data_privacy.gdpr_compliance
import data.gonogo.items.compliance.data_privacy.privacy_notice_test as notice
import data.gonogo.lib.application_test as fx_app
import data.gonogo.lib.testing

test_not_applicable_when_context_says_no_and_the_product_manager_attests_it if {
	attested := testing.attested("context.serves_eu_users=false", "Product Manager", {})
	r := gdpr_compliance.report with input as object.union({"context": {"serves_eu_users": false}}, attested)
	r.verdict == "not_applicable"
	some c in r.criteria
	startswith(c.message, "context.serves_eu_users is false in gonogo.yaml")
}

test_a_typed_context_flag_alone_keeps_it_applicable if {
	r := gdpr_compliance.report with input as {"context": {"serves_eu_users": false}}
	r.verdict != "not_applicable"
	some c in r.criteria
	contains(c.message, "only an attestation by the Product Manager makes")
}

test_pending_when_context_says_yes if {
	r := gdpr_compliance.report with input as {"context": {"serves_eu_users": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := gdpr_compliance.report with input as {}
	r.verdict == "pending"
}

_api := fx_app.fact("OpenAPI 3.0.3", "5 operations", "api/openapi.yaml:1")

_react := fx_app.fact("web frontend package", "react", "web/package.json:6")

_measured := fx_app.snapshot({"privacy": {
	"apis": [_api],
	"data_export": [fx_app.fact("OpenAPI 3.0.3", "GET /users/{userId}/export", "api/openapi.yaml:37")],
	"data_deletion": [fx_app.fact("OpenAPI 3.0.3", "DELETE /users/{userId}", "api/openapi.yaml:18")],
	"web_frontends": [_react],
	"cookie_consent": [fx_app.fact("consent library", "vanilla-cookieconsent (vanilla-cookieconsent)", "web/package.json:8")],
}})

_pm(cover) := testing.attested(cover, "Product Manager", {})

test_passes_with_measured_controls_and_the_product_manager_attesting_dpa_and_policy if {
	snapshot := object.union_n([_measured, notice.published_policy, _pm("8.1.1#1"), _pm("8.1.1#2")])
	r := gdpr_compliance.report with input as snapshot
	r.verdict == "pass"
	testing.criterion(r, "Data processing agreement signed").assurance == "attested"
	deletion := testing.criterion(r, "Right to deletion implemented")
	deletion.message == "user or account deletion operation: OpenAPI 3.0.3: DELETE /users/{userId} (api/openapi.yaml:18)"
	testing.criterion(r, "Cookie consent implemented").assurance == "measured"
}

test_a_published_policy_without_attestation_stays_pending if {
	r := gdpr_compliance.report with input as object.union(_measured, notice.published_policy)
	r.verdict == "pending"
	contains(testing.criterion(r, "Privacy policy published").message, "declared only")
	contains(testing.criterion(r, "Data processing agreement signed").message, "an attestation by the Product Manager covering 8.1.1 or 8.1.1#1")
}

test_fails_without_consent_export_or_deletion if {
	snapshot := object.union(fx_app.snapshot({"privacy": {"apis": [_api], "web_frontends": [_react]}}), notice.published_policy)
	r := gdpr_compliance.report with input as snapshot
	r.verdict == "fail"
	consent := testing.criterion(r, "Cookie consent implemented").message
	consent == "no consent library or banner in 1 web frontend source(s): web frontend package: react (web/package.json:6)"
	testing.verdict(r, "Data export functionality") == "fail"
	testing.verdict(r, "Right to deletion implemented") == "fail"
}

test_cookie_consent_pending_without_a_web_frontend if {
	r := gdpr_compliance.report with input as fx_app.snapshot({})
	contains(testing.criterion(r, "Cookie consent implemented").message, "a web frontend to judge")
	testing.verdict(r, "Cookie consent implemented") == "pending"
}
