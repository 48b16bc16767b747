package gonogo.items.scaling.performance_optimization.cdn_configuration_test

import data.gonogo.items.scaling.performance_optimization.cdn_configuration
import data.gonogo.lib.testing

test_not_applicable_when_context_says_no if {
	r := cdn_configuration.report with input as {"context": {"uses_cdn": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.uses_cdn is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := cdn_configuration.report with input as {"context": {"uses_cdn": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := cdn_configuration.report with input as {}
	r.verdict == "pending"
}

_cdn(fields) := {"aws_cloudfront_distribution.assets": object.union(
	{
		"address": "aws_cloudfront_distribution.assets", "type": "aws_cloudfront_distribution",
		"provider": "cloudfront", "enabled": true, "caches": true, "cache_behaviors": 2,
		"provenance": {"collector": "terraform", "file": "plan.json", "ref": "plan.json:aws_cloudfront_distribution.assets"},
	},
	fields,
)}

test_passes_when_the_distribution_caches if {
	r := cdn_configuration.report with input as {"infrastructure": {"cdn": _cdn({})}}
	r.verdict == "pass"
	c := testing.criterion(r, "Static assets cached")
	c.message == "1 CDN distribution(s) caching: aws_cloudfront_distribution.assets"
	c.evidence == ["plan.json:aws_cloudfront_distribution.assets"]
}

test_fails_when_caching_is_disabled if {
	r := cdn_configuration.report with input as {"infrastructure": {"cdn": _cdn({"caches": false})}}
	r.verdict == "fail"
	contains(testing.criterion(r, "Static assets cached").message, "does not cache (CachingDisabled or TTL 0)")
}

test_fails_when_the_distribution_is_disabled if {
	r := cdn_configuration.report with input as {"infrastructure": {"cdn": _cdn({"enabled": false})}}
	r.verdict == "fail"
}

test_pending_when_the_plan_has_no_distribution if {
	r := cdn_configuration.report with input as {"infrastructure": {"cdn": {}}}
	r.verdict == "pending"
	contains(testing.criterion(r, "Static assets cached").message, "context.uses_cdn: false")
}
