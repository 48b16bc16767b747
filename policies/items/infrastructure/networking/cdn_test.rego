package gonogo.items.infrastructure.networking.cdn_test

import data.gonogo.items.infrastructure.networking.cdn

_dist(caches) := {
	"address": "aws_cloudfront_distribution.assets",
	"enabled": true,
	"caches": caches,
	"provenance": {"ref": "plan.json:aws_cloudfront_distribution.assets"},
}

test_pending_without_evidence if {
	r := cdn.report with input as {}
	r.verdict == "pending"
}

test_not_applicable_when_no_cdn_declared if {
	r := cdn.report with input as {"context": {"uses_cdn": false}, "infrastructure": {"cdn": {}}}
	r.verdict == "not_applicable"
	r.criteria[0].assurance == "declared"
	r.criteria[0].message == "context.uses_cdn is false in gonogo.yaml"
}

test_caching_distribution_passes if {
	r := cdn.report with input as {"infrastructure": {"cdn": {"aws_cloudfront_distribution.assets": _dist(true)}}}
	r.verdict == "pass"
	r.criteria[0].evidence == ["plan.json:aws_cloudfront_distribution.assets"]
}

test_caching_disabled_fails if {
	r := cdn.report with input as {"infrastructure": {"cdn": {"aws_cloudfront_distribution.assets": _dist(false)}}}
	r.verdict == "fail"
	contains(r.criteria[0].message, "does not cache")
}

test_no_distribution_is_nothing_to_judge if {
	r := cdn.report with input as {"infrastructure": {"cdn": {}}}
	r.verdict == "pending"
	r.criteria[0].message == "no CDN distribution (CloudFront, Cloud CDN, Azure CDN) collected"
}
