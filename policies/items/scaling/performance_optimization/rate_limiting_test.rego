package gonogo.items.scaling.performance_optimization.rate_limiting_test

import data.gonogo.items.scaling.performance_optimization.rate_limiting
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx
import data.gonogo.lib.application_test as fx_app

test_pending_without_evidence if {
	r := rate_limiting.report with input as {}
	r.verdict == "pending"
}

test_passes_with_rate_limit_headers_and_names_the_limiter if {
	deps := fx.dependencies({"rate_limiter": [fx.signal_fact("slowapi", "rate limiter", "requirements.txt:7")]}, {})
	r := rate_limiting.report with input as object.union(fx.probe_good, deps)
	r.verdict == "pass"
	contains(r.criteria[0].message, "rate limit 100 announced (ratelimit-limit, ratelimit-policy)")
	contains(r.criteria[0].message, "rate limiter declared: slowapi ==1.0 (requirements.txt:7)")
}

test_fails_without_rate_limit_headers if {
	r := rate_limiting.report with input as fx.probe_with({"rate_limit": {"limit": null, "headers": {}}})
	r.verdict == "fail"
	contains(r.criteria[0].message, "no rate-limit headers")
}

test_error_when_probe_failed if {
	r := rate_limiting.report with input as fx.probe_failed
	r.verdict == "error"
	contains(r.criteria[0].message, "probe of https://shop.example.com:443/ failed")
}

_ref := "deploy/ingress.yaml:1"

_tenant := object.union(
	fx_app.fact("ingress-nginx global-rate-limit", "Ingress/shop/api: 1000 requests per 60 s per value of request header x_tenant_id", _ref),
	{"count": 1000},
)

_per_ip := object.union(fx_app.fact("ingress-nginx limit-rpm", "Ingress/shop/api: 100 requests per minute per client IP", _ref), {"count": 100})

_ingress := fx_app.fact("Ingress", "Ingress/shop/api", _ref)

test_passes_from_a_limit_keyed_on_the_tenant_header if {
	r := rate_limiting.report with input as fx_app.snapshot({"traffic": {"tenant_rate_limits": [_tenant], "rate_limits": [_per_ip]}})
	r.verdict == "pass"
	startswith(r.criteria[0].message, "rate limit per tenant: ingress-nginx global-rate-limit")
	r.criteria[0].evidence == [_ref]
}

test_fails_with_per_ip_limits_only if {
	r := rate_limiting.report with input as fx_app.snapshot({"traffic": {"rate_limits": [_per_ip]}})
	r.verdict == "fail"
	startswith(r.criteria[0].message, "rate limits per client IP only, none per tenant")
}

test_fails_on_entry_points_without_limits_and_pending_with_none if {
	failed := rate_limiting.report with input as fx_app.snapshot({"access_control": {"entry_points": [_ingress]}})
	failed.verdict == "fail"
	pending := rate_limiting.report with input as fx_app.snapshot({})
	pending.verdict == "pending"
}

test_probe_wins_over_configuration if {
	no_headers := fx.probe_with({"rate_limit": {"limit": null, "headers": {}}})
	snapshot := object.union(no_headers, fx_app.snapshot({"traffic": {"tenant_rate_limits": [_tenant]}}))
	r := rate_limiting.report with input as snapshot
	r.verdict == "fail"
}

test_pending_when_only_a_limiter_library_is_declared if {
	deps := fx.dependencies({"rate_limiter": [fx.signal_fact("slowapi", "rate limiter", "requirements.txt:7")]}, {})
	r := rate_limiting.report with input as object.union(deps, fx_app.snapshot({"access_control": {"entry_points": [_ingress]}}))
	r.verdict == "pending"
	contains(r.criteria[0].message, "slowapi ==1.0 (requirements.txt:7)")
}
