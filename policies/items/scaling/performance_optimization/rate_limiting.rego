# METADATA
# title: "Rate Limiting: Implemented per tenant"
# description: >-
#   Checklist item 7.2.5 (7.2 Performance Optimization). Decided from the probe's rate-limit headers
#   or, without a probe, from the rate limits configured on the entry points (application collector).
# custom:
#   id: "7.2.5"
#   section: "7.2 Performance Optimization"
#   severity: medium
#   criteria:
#     - "Implemented per tenant"
#   evidence:
#     - security.probe
#     - security.dependencies
#     - security.application
#   remediation: >-
#     Key a rate limit on the tenant (ingress-nginx global-rate-limit with global-rate-limit-key on
#     the tenant or API-key header), not only on the client IP.
package gonogo.items.scaling.performance_optimization.rate_limiting

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

criteria["Implemented per tenant"] := per_tenant

_limits := input.security.probe.rate_limit

default _supporting := ""

_supporting := sprintf("; rate limiter declared: %s", [evidence.packages_text(evidence.signal("rate_limiter"))]) if {
	count(evidence.signal("rate_limiter")) > 0
}

# METADATA
# description: >-
#   The probed endpoint enforces a rate limit (its RateLimit-* or X-RateLimit-* headers); the
#   per-tenant key is not observable from outside, so the message names the limit and the
#   declared rate limiter as supporting evidence.
per_tenant := _probe_per_tenant if {
	evidence.probe_state != "absent"
} else := _configured_per_tenant

_tenant_limits := app.facts("traffic", "tenant_rate_limits")

_ip_limits := app.facts("traffic", "rate_limits")

_entry_points := app.facts("access_control", "entry_points")

# METADATA
# description: >-
#   Without a probe: a rate limit keyed on a request header (the tenant or API-key header) on an
#   entry point passes; limits per client IP only fail (one tenant behind many addresses, or many
#   tenants behind one, are not limited apart); entry points without any limit fail, unless a
#   rate limiter library is declared (pending: its key lives in code gonogo does not read).
_configured_per_tenant := result.pending("the probe (--probe URL) or the application collector (ingress annotations)") if {
	not app.collected
} else := result.pass(sprintf("rate limit per tenant: %s%s", [app.text(_tenant_limits), _supporting]), app.refs(_tenant_limits)) if {
	count(_tenant_limits) > 0
} else := result.fail(sprintf("rate limits per client IP only, none per tenant: %s", [app.text(_ip_limits)]), app.refs(_ip_limits)) if {
	count(_ip_limits) > 0
} else := result.pending(sprintf(
	"rate-limit headers observed by the probe (--probe URL): no limit on the entry points%s, whose key is not visible",
	[_supporting],
)) if {
	count(evidence.signal("rate_limiter")) > 0
} else := result.fail(
	sprintf("no rate limit configured on %d entry point(s): %s", [count(_entry_points), app.text(_entry_points)]),
	app.refs(_entry_points),
) if {
	count(_entry_points) > 0
} else := result.pending("rate-limit headers observed by the probe (--probe URL) or a rate limit on an entry point")

_probe_per_tenant := r if {
	r := evidence.probe_unusable("rate-limit headers observed by the probe (--probe URL)")
} else := result.fail(
	sprintf("%s: no rate-limit headers (RateLimit-*, X-RateLimit-*) in the answer%s", [input.security.probe.url, _supporting]),
	[evidence.probe_ref],
) if {
	_limits.limit == null
} else := result.pass(
	sprintf("%s: rate limit %d announced (%s)%s; the per-tenant key is not observable from outside", [
		input.security.probe.url, _limits.limit, concat(", ", sort(object.keys(_limits.headers))), _supporting,
	]),
	[evidence.probe_ref],
)
