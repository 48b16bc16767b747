package gonogo.items.integrations.payment_processing.stripe_integration_test

import data.gonogo.items.integrations.payment_processing.stripe_integration
import data.gonogo.lib.testing

_prov(ref) := {"collector": "integrations", "file": "app/billing.py", "ref": ref}

_hook(verifies, source, rejects) := {
	"handler": "stripe_webhook", "route": "/webhooks/stripe", "language": "python",
	"verifies_signature": verifies, "secret_source": source, "rejects_invalid": rejects,
	"provenance": _prov("app/billing.py:15"),
}

_failing(failed) := ["tests::test_card_declined"] if failed > 0

else := []

_counts(tests, passed, failed) := {
	"tests": tests, "passed": passed, "failed": failed, "errored": 0, "skipped": 0,
	"failing": _failing(failed), "reports": ["reports/junit.xml"],
}

_tests(payment) := {"reports": ["reports/junit.xml"], "topics": {
	"payment_failure": payment, "usage_metering": _counts(0, 0, 0),
	"transactional_email": _counts(0, 0, 0), "two_factor": _counts(0, 0, 0),
}}

_stripe(fields) := object.union(object.remove(_defaults, object.keys(fields)), fields)

_defaults := {
	"sdk": {"requirements.txt:3": {"via": "dependency", "package": "stripe", "provenance": _prov("requirements.txt:3")}},
	"webhooks": {"app/billing.py:15": _hook(true, "env", true)},
	"signing_secret_literals": {}, "keys": {}, "calls": {}, "failure_events": {}, "fixture_prices": {},
	"products": {"stripe_product.pro": {
		"address": "stripe_product.pro", "type": "stripe_product", "active": true,
		"provenance": _prov("plan.json:stripe_product.pro"),
	}},
	"prices": {"stripe_price.pro_monthly": {
		"address": "stripe_price.pro_monthly", "type": "stripe_price", "recurring": true,
		"interval": "month", "usage_type": "licensed", "active": true, "product": "stripe_product.pro",
		"provenance": _prov("plan.json:stripe_price.pro_monthly"),
	}},
	"webhook_endpoints": {"stripe_webhook_endpoint.payments": {
		"address": "stripe_webhook_endpoint.payments", "type": "stripe_webhook_endpoint",
		"https": true, "events": 2, "disabled": null, "provenance": _prov("plan.json:stripe_webhook_endpoint.payments"),
	}},
	"meters": {},
}

_input(fields, payment) := {"integrations": {"stripe": _stripe(fields), "tests": _tests(payment)}}

test_passes_on_verified_webhooks_plans_and_tests if {
	r := stripe_integration.report with input as _input({}, _counts(2, 2, 0))
	testing.verdict(r, "Webhook endpoints secured") == "pass"
	testing.verdict(r, "Webhook signatures validated") == "pass"
	testing.verdict(r, "Subscription plans created") == "pass"
	testing.verdict(r, "Payment failure handling tested") == "pass"
	contains(testing.criterion(r, "Subscription plans created").message, "stripe_price.pro_monthly (month)")
	testing.criterion(r, "Webhook endpoints secured").assurance == "measured"
}

test_test_mode_switch_passes_on_engineering_lead_attestation if {
	attested := testing.attested("9.1.1#3", "Engineering Lead", {})
	r := stripe_integration.report with input as object.union(_input({}, _counts(2, 2, 0)), attested)
	r.verdict == "pass"
	testing.criterion(r, "Test mode to production verified").assurance == "attested"
}

test_test_mode_switch_pending_without_attestation if {
	r := stripe_integration.report with input as _input({}, _counts(2, 2, 0))
	testing.verdict(r, "Test mode to production verified") == "pending"
	contains(testing.criterion(r, "Test mode to production verified").message, "Engineering Lead")
	r.verdict == "pending"
}

test_fails_on_test_key_in_production_and_committed_live_key if {
	keys := {"keys": {
		"config/production.yaml:3#1": {"class": "secret_test", "environment": "production", "provenance": _prov("config/production.yaml:3")},
		"config/staging.json:1#1": {"class": "secret_live", "environment": "non_production", "provenance": _prov("config/staging.json:1")},
	}}
	attested := testing.attested("9.1.1#3", "Engineering Lead", {})
	r := stripe_integration.report with input as object.union(_input(keys, _counts(2, 2, 0)), attested)
	c := testing.criterion(r, "Test mode to production verified")
	c.verdict == "fail"
	contains(c.message, "a test-mode key (secret_test) in production configuration config/production.yaml:3#1")
	contains(c.message, "a live-mode key (secret_live) committed in config/staging.json:1#1")
}

test_fails_on_unverified_webhook if {
	r := stripe_integration.report with input as _input(
		{"webhooks": {"web/server.js:8": object.union(
			_hook(false, null, null),
			{"handler": "anonymous", "route": "/webhook", "provenance": _prov("web/server.js:8")},
		)}},
		_counts(2, 2, 0),
	)
	testing.verdict(r, "Webhook signatures validated") == "fail"
	contains(testing.criterion(r, "Webhook signatures validated").message, "anonymous /webhook (web/server.js:8)")
	contains(testing.criterion(r, "Webhook endpoints secured").message, "accepts unsigned events")
	r.verdict == "fail"
}

test_fails_on_literal_secret_swallowed_error_and_http_endpoint if {
	fields := {
		"webhooks": {"app/billing.py:15": _hook(true, "literal", false)},
		"signing_secret_literals": {"app/billing.py:8": {"provenance": _prov("app/billing.py:8")}},
		"webhook_endpoints": {"stripe_webhook_endpoint.payments": {
			"address": "stripe_webhook_endpoint.payments", "type": "stripe_webhook_endpoint",
			"https": false, "events": 1, "disabled": null, "provenance": _prov("plan.json:stripe_webhook_endpoint.payments"),
		}},
	}
	r := stripe_integration.report with input as _input(fields, _counts(2, 2, 0))
	c := testing.criterion(r, "Webhook endpoints secured")
	c.verdict == "fail"
	contains(c.message, "verifies with a literal signing secret")
	contains(c.message, "a whsec_ signing secret is written in app/billing.py:8")
	contains(c.message, "the error is swallowed")
	contains(c.message, "stripe_webhook_endpoint.payments (plan.json:stripe_webhook_endpoint.payments) is not an https URL")
	testing.verdict(r, "Webhook signatures validated") == "pass"
}

test_secured_pending_when_secret_source_unknown if {
	r := stripe_integration.report with input as _input({"webhooks": {"app/billing.py:15": _hook(true, "unknown", true)}}, _counts(2, 2, 0))
	testing.verdict(r, "Webhook endpoints secured") == "pending"
	contains(testing.criterion(r, "Webhook endpoints secured").message, "where the signing secret")
}

test_plans_fail_without_recurring_price if {
	r := stripe_integration.report with input as _input(
		{"prices": {"stripe_price.once": {
			"address": "stripe_price.once", "type": "stripe_price", "recurring": false, "interval": null,
			"usage_type": null, "active": true, "product": "stripe_product.pro", "provenance": _prov("plan.json:stripe_price.once"),
		}}},
		_counts(2, 2, 0),
	)
	c := testing.criterion(r, "Subscription plans created")
	c.verdict == "fail"
	contains(c.message, "stripe_product.pro have no active recurring price")
}

test_plans_from_fixtures_are_declared_only if {
	r := stripe_integration.report with input as _input(
		{"prices": {}, "products": {}, "fixture_prices": {"fixtures/plans.json#0": {
			"recurring": true, "interval": "month", "provenance": _prov("fixtures/plans.json:4"),
		}}},
		_counts(2, 2, 0),
	)
	c := testing.criterion(r, "Subscription plans created")
	c.verdict == "pending"
	contains(c.message, "declared only")
}

test_payment_failure_tests_fail_when_failing_or_missing if {
	failing := stripe_integration.report with input as _input({}, _counts(1, 0, 1))
	contains(testing.criterion(failing, "Payment failure handling tested").message, "1 failed, 0 errored: tests::test_card_declined")
	testing.verdict(failing, "Payment failure handling tested") == "fail"
	missing := stripe_integration.report with input as _input({}, _counts(0, 0, 0))
	testing.verdict(missing, "Payment failure handling tested") == "fail"
	contains(testing.criterion(missing, "Payment failure handling tested").message, "hold no test case named for a payment failure")
}

test_payment_failure_tests_pending_without_junit if {
	r := stripe_integration.report with input as {"integrations": {"stripe": _stripe({})}}
	testing.verdict(r, "Payment failure handling tested") == "pending"
}

test_pending_when_not_collected if {
	r := stripe_integration.report with input as {"context": {"uses_stripe": true}}
	r.verdict == "pending"
	testing.all_criteria(r, "pending")
}

test_applies_when_context_is_unknown if {
	r := stripe_integration.report with input as {}
	r.verdict == "pending"
}

test_not_applicable_needs_a_context_attestation_on_a_high_item if {
	attested := testing.attested("context.uses_stripe=false", "Product Manager", {})
	r := stripe_integration.report with input as object.union({"context": {"uses_stripe": false}}, attested)
	r.verdict == "not_applicable"
	unattested := stripe_integration.report with input as {"context": {"uses_stripe": false}}
	unattested.verdict == "pending"
}

test_webhook_criteria_pending_without_routes if {
	r := stripe_integration.report with input as _input({"webhooks": {}, "webhook_endpoints": {}}, _counts(2, 2, 0))
	testing.verdict(r, "Webhook endpoints secured") == "pending"
	testing.verdict(r, "Webhook signatures validated") == "pending"
	contains(testing.criterion(r, "Webhook signatures validated").message, "a Stripe webhook route in application code")
}
