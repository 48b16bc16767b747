# METADATA
# title: "Rate Limiting: Implemented per tenant"
# description: >-
#   Checklist item 7.2.5 (7.2 Performance Optimization). Decided from rate-limit configuration or probe headers.
# custom:
#   id: "7.2.5"
#   section: "7.2 Performance Optimization"
#   severity: medium
#   criteria:
#     - "Implemented per tenant"
#   evidence:
#     - security.probe
#     - security.dependencies
#   remediation: >-
#     Provide rate-limit configuration or probe headers so gonogo can verify this item.
package gonogo.items.scaling.performance_optimization.rate_limiting

import data.gonogo.items.security.vulnerability_scanning.evidence
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

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
per_tenant := r if {
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
