package gonogo.items.integrations.external_services.sms_provider_test

import data.gonogo.items.integrations.external_services.sms_provider
import data.gonogo.lib.testing

_prov(ref) := {"collector": "integrations", "file": "app/otp.py", "ref": ref}

_failing(failed) := ["t::test_send_otp"] if failed > 0

else := []

_counts(tests, passed, failed) := {
	"tests": tests, "passed": passed, "failed": failed, "errored": 0, "skipped": 0,
	"failing": _failing(failed), "reports": ["reports/junit.xml"],
}

_zero := _counts(0, 0, 0)

_tests(two_factor) := {"reports": ["reports/junit.xml"], "topics": {
	"payment_failure": _counts(0, 0, 0), "usage_metering": _counts(0, 0, 0), "transactional_email": _counts(0, 0, 0), "two_factor": two_factor,
}}

_endpoint(limited) := {"app/otp.py:18": {"handler": "send_code", "route": "/2fa/send", "rate_limited": limited, "provenance": _prov("app/otp.py:18")}}

_sms(endpoints, buckets) := {
	"sdk": {"requirements.txt:4": {"via": "dependency", "package": "twilio", "provenance": _prov("requirements.txt:4")}},
	"calls": {"app/otp.py:19": {
		"category": "verify_send", "call": "client.verify.v2.services().verifications.create",
		"provenance": _prov("app/otp.py:19"),
	}},
	"endpoints": endpoints, "app_rate_limits": {}, "verify_services": {}, "rate_limits": buckets,
}

_bucket := {"twilio_verify_services_rate_limits_buckets_v2.phone": {
	"address": "twilio_verify_services_rate_limits_buckets_v2.phone", "type": "twilio_verify_services_rate_limits_buckets_v2",
	"via": "twilio_verify_bucket", "max": 4, "interval_seconds": 60,
	"provenance": _prov("plan.json:twilio_verify_services_rate_limits_buckets_v2.phone"),
}}

_input(endpoints, buckets, two_factor) := {"integrations": {"sms": _sms(endpoints, buckets), "tests": _tests(two_factor)}}

test_passes_on_rate_limited_routes_and_2fa_tests if {
	r := sms_provider.report with input as _input(_endpoint(true), {}, _counts(1, 1, 0))
	r.verdict == "pass"
	contains(testing.criterion(r, "Rate limits configured").message, "all 1 SMS route(s) are rate limited")
}

test_passes_on_verify_buckets if {
	r := sms_provider.report with input as _input(_endpoint(false), _bucket, _counts(1, 1, 0))
	testing.verdict(r, "Rate limits configured") == "pass"
	contains(testing.criterion(r, "Rate limits configured").message, "(4 per 60s)")
}

test_fails_on_unlimited_route_and_failing_tests if {
	r := sms_provider.report with input as _input(_endpoint(false), {}, _counts(1, 0, 1))
	c := testing.criterion(r, "Rate limits configured")
	c.verdict == "fail"
	contains(c.message, "/2fa/send (app/otp.py:18)")
	testing.verdict(r, "2FA integration tested") == "fail"
}

test_2fa_tests_missing_fail_when_twilio_used if {
	r := sms_provider.report with input as _input(_endpoint(true), {}, _zero)
	testing.verdict(r, "2FA integration tested") == "fail"
}

test_rate_limits_pending_without_routes if {
	r := sms_provider.report with input as _input({}, {}, _counts(1, 1, 0))
	testing.verdict(r, "Rate limits configured") == "pending"
}

test_not_applicable_when_context_says_no if {
	r := sms_provider.report with input as {"context": {"sends_sms": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.sends_sms is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := sms_provider.report with input as {"context": {"sends_sms": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := sms_provider.report with input as {}
	r.verdict == "pending"
}

test_verify_rate_limits_created_in_code_pass if {
	sms := object.union(_sms(_endpoint(false), {}), {"calls": {"app/setup.py:4": {
		"category": "verify_rate_limit", "call": "client.verify.v2.services().rate_limits.create",
		"provenance": _prov("app/setup.py:4"),
	}}})
	r := sms_provider.report with input as {"integrations": {"sms": sms, "tests": _tests(_counts(1, 1, 0))}}
	testing.verdict(r, "Rate limits configured") == "pass"
	contains(testing.criterion(r, "Rate limits configured").message, "created in code: app/setup.py:4")
}

test_2fa_tests_pending_without_junit_reports if {
	r := sms_provider.report with input as {"integrations": {"sms": _sms(_endpoint(true), {}), "tests": {"reports": [], "topics": {}}}}
	testing.verdict(r, "2FA integration tested") == "pending"
	contains(testing.criterion(r, "2FA integration tested").message, "JUnit reports")
}

test_2fa_tests_all_skipped_fail if {
	skipped := object.union(_counts(2, 0, 0), {"skipped": 2})
	r := sms_provider.report with input as _input(_endpoint(true), {}, skipped)
	testing.verdict(r, "2FA integration tested") == "fail"
	contains(testing.criterion(r, "2FA integration tested").message, "all 2 test(s) named for two-factor codes")
}
