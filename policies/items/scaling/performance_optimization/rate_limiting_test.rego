package gonogo.items.scaling.performance_optimization.rate_limiting_test

import data.gonogo.items.scaling.performance_optimization.rate_limiting
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx

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
