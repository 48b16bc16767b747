# METADATA
# title: "D3-RAC: Remote Access Control"
# description: >-
#   Checklist item 2.1.2 (2.1 D3FEND Compliance). Rate limiting and CORS from what the probed
#   endpoint answers (--probe URL) or, without a probe, from the ingress-nginx annotations that
#   configure them (limit-rpm, limit-rps, enable-cors, cors-allow-origin); IP allow-lists and API-key enforcement from the configuration
#   the system runs, read by the application collector: ingress source-range annotations,
#   loadBalancerSourceRanges, NetworkPolicy ipBlock, Traefik ipAllowList, AWS WAF IP-set rules and
#   nginx allow/deny on the entry points; OpenAPI apiKey security, Kong key-auth and API Gateway
#   api_key_required on the APIs.
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
#     - security.application
#   remediation: >-
#     Announce a rate limit of at most 100 requests per minute, grant CORS to your own origins only,
#     restrict administrative entry points to known address ranges (an ingress
#     whitelist-source-range, a WAF IP set, nginx allow/deny), and require an API key on every
#     operation that is not public on purpose (OpenAPI apiKey security, Kong key-auth,
#     api_key_required).
#   thresholds:
#     - name: security.rate_limit_per_minute
#       default: 100
#       unit: requests per minute
#       description: Highest rate limit per minute accepted.
package gonogo.items.security.d3fend.d3_rac

import data.gonogo.items.security.vulnerability_scanning.evidence
import data.gonogo.lib.application as app
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

criteria["Rate limiting active (100 req/min per IP)"] := rate_limit_active

criteria["IP whitelisting supported"] := ip_allowlisting

criteria["CORS policies configured"] := cors_configured

criteria["API key validation enforced"] := api_keys_enforced

_max_per_minute := result.threshold("security.rate_limit_per_minute", 100)

_limits := input.security.probe.rate_limit

# METADATA
# description: >-
#   The probed endpoint announces a rate limit (RateLimit-* or X-RateLimit-* headers) whose
#   window is stated (RateLimit-Policy w=) and whose rate is at most security.rate_limit_per_minute.
rate_limit_active := _probe_rate_limit if {
	evidence.probe_state != "absent"
} else := _configured_rate_limit

_probe_rate_limit := r if {
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

_rate_limits := app.facts("traffic", "rate_limits")

_too_loose := [f | some f in _rate_limits; f.count > _max_per_minute]

# METADATA
# description: >-
#   Without a probe: the per-client-IP limits configured on the entry points (ingress-nginx
#   limit-rpm / limit-rps), each at most security.rate_limit_per_minute; fail when entry points
#   have none, pending when no entry point was collected or a rate limiter library is declared
#   (its limit lives in code gonogo does not read).
_configured_rate_limit := _pending_app if {
	not app.collected
} else := result.fail(sprintf("rate limit above %d/min: %s", [_max_per_minute, app.text(_too_loose)]), app.refs(_too_loose)) if {
	count(_too_loose) > 0
} else := result.pass(sprintf("rate limit <= %d/min: %s", [_max_per_minute, app.text(_rate_limits)]), app.refs(_rate_limits)) if {
	count(_rate_limits) > 0
} else := result.pending(sprintf(
	"rate-limit headers observed by the probe (--probe URL): no limit on the entry points, and the declared rate limiter (%s) does not show its limit",
	[evidence.packages_text(evidence.signal("rate_limiter"))],
)) if {
	count(evidence.signal("rate_limiter")) > 0
} else := result.fail(
	sprintf("no rate limit configured on %d entry point(s): %s", [count(_entry_points), app.text(_entry_points)]),
	app.refs(_entry_points),
) if {
	count(_entry_points) > 0
} else := result.pending("rate-limit headers observed by the probe (--probe URL) or a rate limit on an entry point")

_cors := input.security.probe.cors

# METADATA
# description: The endpoint does not grant a foreign Origin (neither * nor the origin echoed back).
cors_configured := _probe_cors if {
	evidence.probe_state != "absent"
} else := _configured_cors

_cors_grants := app.facts("traffic", "cors")

_cors_gaps := app.facts("traffic", "cors_gaps")

# METADATA
# description: >-
#   Without a probe: CORS enabled on an entry point grants listed origins only (ingress-nginx
#   cors-allow-origin); enable-cors with * or no origin (the controller's default *) fails;
#   pending when no CORS configuration was found.
_configured_cors := _pending_app if {
	not app.collected
} else := result.fail(sprintf("CORS granted to every origin: %s", [app.text(_cors_gaps)]), app.refs(_cors_gaps)) if {
	count(_cors_gaps) > 0
} else := result.pass(sprintf("CORS limited to listed origins: %s", [app.text(_cors_grants)]), app.refs(_cors_grants)) if {
	count(_cors_grants) > 0
} else := result.pending("a CORS answer observed by the probe (--probe URL) or CORS configuration (ingress-nginx enable-cors)")

_probe_cors := r if {
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

_pending_app := result.pending("the application collector (ingress, gateway, nginx and OpenAPI configuration)")

_entry_points := app.facts("access_control", "entry_points")

_allowlists := app.facts("access_control", "ip_allowlists")

_allowlist_gaps := app.facts("access_control", "ip_allowlist_gaps")

# METADATA
# description: >-
#   An IP allow-list on an entry point (ingress annotation, loadBalancerSourceRanges, NetworkPolicy
#   ipBlock, WAF IP-set rule, nginx allow/deny all), none admitting every address; pending when no
#   entry point was collected.
ip_allowlisting := _pending_app if {
	not app.collected
} else := result.fail(sprintf("allow-list admits every address: %s", [app.text(_allowlist_gaps)]), app.refs(_allowlist_gaps)) if {
	count(_allowlist_gaps) > 0
} else := result.pass(sprintf("IP allow-list: %s", [app.text(_allowlists)]), app.refs(_allowlists)) if {
	count(_allowlists) > 0
} else := result.fail(
	sprintf("no IP allow-list on %d entry point(s): %s", [count(_entry_points), app.text(_entry_points)]),
	app.refs(_entry_points),
) if {
	count(_entry_points) > 0
} else := result.pending("an entry point to judge (Ingress, LoadBalancer Service, nginx server, WAF, API gateway): none found")

_apis := app.facts("access_control", "apis")

_api_keys := app.facts("access_control", "api_keys")

_api_key_gaps := app.facts("access_control", "api_key_gaps")

# METADATA
# description: >-
#   Every API found requires an API key where it is not public on purpose: OpenAPI apiKey security
#   (operations with `security: []` are public by declaration), Kong key-auth, API Gateway
#   api_key_required, an API-key check in code. Pending when no API was collected.
api_keys_enforced := _pending_app if {
	not app.collected
} else := result.fail(sprintf("reachable without an API key: %s", [app.text(_api_key_gaps)]), app.refs(_api_key_gaps)) if {
	count(_api_key_gaps) > 0
} else := result.pass(sprintf("API key required: %s", [app.text(_api_keys)]), app.refs(_api_keys)) if {
	count(_api_keys) > 0
} else := result.fail(sprintf("no API key requirement on %d API(s): %s", [count(_apis), app.text(_apis)]), app.refs(_apis)) if {
	count(_apis) > 0
} else := result.pending("an API to judge (OpenAPI description, Kong decK file, API Gateway in a Terraform plan): none found")
