# METADATA
# title: "D3-RAC: Remote Access Control"
# description: >-
#   Checklist item 2.1.2 (2.1 D3FEND Compliance). Decided from authentication, dependency and probe facts.
# custom:
#   id: "2.1.2"
#   section: "2.1 D3FEND Compliance"
#   severity: high
#   criteria:
#     - "Rate limiting active (100 req/min per IP)"
#     - "IP whitelisting supported"
#     - "CORS policies configured"
#     - "API key validation enforced"
#   evidence:
#     - security.probe
#   remediation: >-
#     Provide authentication, dependency and probe facts so gonogo can verify this item.
#   thresholds:
#     - name: security.rate_limit_per_minute
#       default: 100
#       unit: requests per minute
#       description: Highest rate limit per minute accepted.
package gonogo.items.security.d3fend.d3_rac

import data.gonogo.items.security.vulnerability_scanning.evidence
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Rate limiting active (100 req/min per IP)"] := rate_limit_active

criteria["IP whitelisting supported"] := result.pending("an IP allow-list configuration (ingress source ranges or gateway policy)")

criteria["CORS policies configured"] := cors_configured

criteria["API key validation enforced"] := result.pending("an authenticated-endpoint check (not collected yet)")

_max_per_minute := result.threshold("security.rate_limit_per_minute", 100)

_limits := input.security.probe.rate_limit

# METADATA
# description: >-
#   The probed endpoint announces a rate limit (RateLimit-* or X-RateLimit-* headers) whose
#   window is stated (RateLimit-Policy w=) and whose rate is at most security.rate_limit_per_minute.
rate_limit_active := r if {
	r := evidence.probe_unusable("rate-limit headers observed by the probe (--probe URL)")
} else := result.fail(
	sprintf("%s: no rate-limit headers (RateLimit-*, X-RateLimit-*) in the answer", [input.security.probe.url]),
	[evidence.probe_ref],
) if {
	_limits.limit == null
} else := result.fail(
	sprintf(
		"%s: limit %d announced but no window (RateLimit-Policy w=); cannot verify <= %d/min",
		[input.security.probe.url, _limits.limit, _max_per_minute],
	),
	[evidence.probe_ref],
) if {
	_limits.per_minute == null
} else := result.fail(sprintf("%s: %v requests/min > %d", [input.security.probe.url, _limits.per_minute, _max_per_minute]), [evidence.probe_ref]) if {
	_limits.per_minute > _max_per_minute
} else := result.pass(
	sprintf(
		"%s: %d requests per %d s = %v/min <= %d",
		[input.security.probe.url, _limits.limit, _limits.window_seconds, _limits.per_minute, _max_per_minute],
	),
	[evidence.probe_ref],
)

_cors := input.security.probe.cors

# METADATA
# description: The endpoint does not grant a foreign Origin (neither * nor the origin echoed back).
cors_configured := r if {
	r := evidence.probe_unusable("a CORS answer observed by the probe (--probe URL)")
} else := result.fail(
	sprintf(
		"%s: answers Origin %s with Access-Control-Allow-Origin %s%s",
		[input.security.probe.url, _cors.origin_sent, _cors.allow_origin, _credentials_text],
	),
	[evidence.probe_ref],
) if {
	_cors.allows_foreign_origin == true
} else := result.pass(sprintf("%s: no CORS grant to foreign Origin %s", [input.security.probe.url, _cors.origin_sent]), [evidence.probe_ref])

default _credentials_text := ""

_credentials_text := " and allows credentials" if _cors.allow_credentials == true
