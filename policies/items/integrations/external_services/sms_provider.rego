# METADATA
# title: "SMS Provider: (Twilio)"
# description: >-
#   Checklist item 9.2.2 (9.2 External Services). Decided from the integrations collector's
#   facts: routes in code that send an SMS or a Twilio Verify code and whether each is rate
#   limited (a limiter decorator or middleware on the route, or an application-wide limit),
#   Twilio Verify rate-limit buckets in a Terraform plan or created in code, and JUnit test cases
#   named for two-factor codes.
# custom:
#   id: "9.2.2"
#   section: "9.2 External Services"
#   severity: medium
#   criteria:
#     - "2FA integration tested"
#     - "Rate limits configured"
#   evidence:
#     - integrations.sms
#     - integrations.tests
#   remediation: >-
#     Rate-limit every route that sends an SMS or a Verify code (Flask-Limiter, express-rate-limit)
#     or configure Twilio Verify rate limits with buckets (twilio_verify_services_rate_limits_buckets_v2);
#     test sending and checking codes and keep the JUnit report.
package gonogo.items.integrations.external_services.sms_provider

import data.gonogo.items.integrations.lib.integrations
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

criteria["2FA integration tested"] := result.unless_false(
	"sends_sms",
	integrations.tested("two_factor", "two-factor codes (2FA, OTP, verification code, SMS)", used, "an SMS provider"),
)

criteria["Rate limits configured"] := result.unless_false("sends_sms", rate_limits)

sms := integrations.part("sms")

_endpoints := integrations.table("sms", "endpoints")

_buckets := integrations.table("sms", "rate_limits")

_code_limits[ref] := c if {
	some ref, c in integrations.table("sms", "calls")
	c.category == "verify_rate_limit"
}

_bucket_labels contains sprintf("%s (%v per %vs)", [address, b.max, b.interval_seconds]) if {
	some address, b in _buckets
}

default used := false

# METADATA
# scope: document
# description: True when an SMS provider was found (the Twilio SDK, SMS or Verify calls, a Verify service).
used if count(integrations.table("sms", "sdk")) + count(integrations.table("sms", "calls")) > 0

used if count(integrations.table("sms", "verify_services")) > 0

_unlimited contains sprintf("%s (%s)", [object.get(e, "route", e.handler), ref]) if {
	some ref, e in _endpoints
	not e.rate_limited
}

default rate_limits := {"verdict": "error", "message": "undecided", "evidence": []}

rate_limits := result.pending("SMS-provider facts (integrations collector)") if {
	sms == null
} else := result.pass(
	sprintf("Twilio Verify rate-limit buckets: %s", [concat(", ", sort(_bucket_labels))]),
	integrations.refs(_buckets),
) if {
	count(_buckets) > 0
} else := result.pass(
	sprintf("Twilio Verify rate limits are created in code: %s", [concat(", ", integrations.refs(_code_limits))]),
	integrations.refs(_code_limits),
) if {
	count(_code_limits) > 0
} else := result.fail(
	sprintf("SMS route(s) without a rate limit, and no Twilio Verify rate limit configured: %s", [concat(", ", sort(_unlimited))]),
	integrations.refs(_endpoints),
) if {
	count(_unlimited) > 0
} else := result.pass(
	sprintf("all %d SMS route(s) are rate limited", [count(_endpoints)]),
	integrations.refs(_endpoints),
) if {
	count(_endpoints) > 0
} else := result.pending("a route that sends an SMS or a Verify code, or Twilio Verify rate limits")
