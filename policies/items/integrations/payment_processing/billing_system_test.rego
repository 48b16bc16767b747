package gonogo.items.integrations.payment_processing.billing_system_test

import data.gonogo.items.integrations.payment_processing.billing_system
import data.gonogo.lib.testing

_prov(ref) := {"collector": "integrations", "file": "app/billing.py", "ref": ref}

_call(category, fields) := object.union(
	{"category": category, "call": sprintf("stripe.%s", [category]), "provenance": _prov(sprintf("app/billing.py:%s", [category]))},
	fields,
)

_stripe(calls, events, webhooks) := {"integrations": {"stripe": {
	"sdk": {}, "webhooks": webhooks, "signing_secret_literals": {}, "keys": {}, "calls": calls,
	"failure_events": events, "fixture_prices": {}, "products": {}, "prices": {},
	"webhook_endpoints": {}, "meters": {},
}}}

_hook := {"app/billing.py:15": {
	"handler": "stripe_webhook", "route": "/webhooks/stripe", "language": "python",
	"verifies_signature": true, "secret_source": "env", "rejects_invalid": true,
	"provenance": _prov("app/billing.py:15"),
}}

_good := {
	"a:1": _call("usage_record", {"deduplicated": true}),
	"a:2": _call("meter_event", {"deduplicated": true}),
	"a:3": _call("subscription_create", {"collection_method": "charge_automatically"}),
	"a:4": _call("invoice_pay", {}),
}

test_passes_on_deduplicated_usage_subscriptions_and_retries if {
	r := billing_system.report with input as _stripe(_good, {}, _hook)
	r.verdict == "pass"
	contains(testing.criterion(r, "Usage tracking accurate").message, "2 usage report call(s)")
	contains(testing.criterion(r, "Invoice generation automated").message, "subscriptions invoice each period")
	contains(testing.criterion(r, "Payment retry logic implemented").message, "app/billing.py:invoice_pay")
}

test_usage_decided_by_metering_tests_when_present if {
	topics := {"reports": ["r.xml"], "topics": {
		"usage_metering": {"tests": 1, "passed": 0, "failed": 1, "errored": 0, "skipped": 0, "failing": ["t::test_usage_once"], "reports": ["r.xml"]},
		"payment_failure": {"tests": 0, "passed": 0, "failed": 0, "errored": 0, "skipped": 0, "failing": [], "reports": []},
		"transactional_email": {"tests": 0, "passed": 0, "failed": 0, "errored": 0, "skipped": 0, "failing": [], "reports": []},
		"two_factor": {"tests": 0, "passed": 0, "failed": 0, "errored": 0, "skipped": 0, "failing": [], "reports": []},
	}}
	r := billing_system.report with input as object.union(_stripe(_good, {}, _hook), {"integrations": {"tests": topics}})
	testing.verdict(r, "Usage tracking accurate") == "fail"
	contains(testing.criterion(r, "Usage tracking accurate").message, "t::test_usage_once")
}

test_fails_on_double_counting_drafts_and_unhandled_failures if {
	calls := {
		"a:1": _call("usage_record", {"deduplicated": false}),
		"a:2": _call("invoice_create", {"auto_advance": false}),
	}
	r := billing_system.report with input as _stripe(calls, {}, _hook)
	contains(testing.criterion(r, "Usage tracking accurate").message, "stripe.usage_record (a:1)")
	testing.verdict(r, "Usage tracking accurate") == "fail"
	testing.verdict(r, "Invoice generation automated") == "fail"
	contains(testing.criterion(r, "Invoice generation automated").message, "never finalized: a:2")
	testing.verdict(r, "Payment retry logic implemented") == "fail"
	r.verdict == "fail"
}

test_finalized_drafts_pass if {
	calls := {"a:2": _call("invoice_create", {"auto_advance": false}), "a:5": _call("invoice_finalize", {})}
	r := billing_system.report with input as _stripe(calls, {}, {})
	testing.verdict(r, "Invoice generation automated") == "pass"
}

test_retries_fall_back_to_attestation if {
	events := {"app/billing.py:25": {"event": "invoice.payment_failed", "provenance": _prov("app/billing.py:25")}}
	calls := {"a:3": _call("subscription_create", {})}
	r := billing_system.report with input as _stripe(calls, events, _hook)
	testing.verdict(r, "Payment retry logic implemented") == "pending"
	contains(testing.criterion(r, "Payment retry logic implemented").message, "Engineering Lead")
	attested := testing.attested("9.1.2#3", "Engineering Lead", {})
	a := billing_system.report with input as object.union(_stripe(calls, events, _hook), attested)
	testing.verdict(a, "Payment retry logic implemented") == "pass"
}

test_pending_without_billing_calls if {
	r := billing_system.report with input as _stripe({}, {}, {})
	testing.verdict(r, "Usage tracking accurate") == "pending"
	testing.verdict(r, "Invoice generation automated") == "pending"
}

test_not_applicable_when_context_says_no if {
	r := billing_system.report with input as {"context": {"processes_payments": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.processes_payments is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := billing_system.report with input as {"context": {"processes_payments": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := billing_system.report with input as {}
	r.verdict == "pending"
}

test_auto_advancing_invoices_pass if {
	r := billing_system.report with input as _stripe({"a:2": _call("invoice_create", {"auto_advance": null})}, {}, {})
	testing.verdict(r, "Invoice generation automated") == "pass"
	contains(testing.criterion(r, "Invoice generation automated").message, "created and finalized by code")
}
