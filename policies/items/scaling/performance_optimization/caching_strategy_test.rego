package gonogo.items.scaling.performance_optimization.caching_strategy_test

import data.gonogo.items.scaling.performance_optimization.caching_strategy
import data.gonogo.lib.application_test as fx_app
import data.gonogo.lib.testing

test_pending_without_evidence if {
	r := caching_strategy.report with input as {}
	r.verdict == "pending"
}

_cdn := {"infrastructure": {"cdn": {"aws_cloudfront_distribution.web": {
	"address": "aws_cloudfront_distribution.web", "type": "aws_cloudfront_distribution", "caches": true,
	"provenance": {"collector": "terraform", "file": "plan.json", "ref": "plan.json:aws_cloudfront_distribution.web"},
}}}}

_redis := {"kubernetes": {"databases": {"StatefulSet/data/cache": {
	"name": "cache", "namespace": "data", "engine": "redis", "instances": 3,
	"provenance": {"ref": "redis.yaml:1"},
}}}}

_probe(cache_control) := {"security": {"probe": {
	"url": "https://shop.example.com:443/",
	"provenance": {"collector": "probe", "object": "https://shop.example.com:443/", "ref": "https://shop.example.com:443/"},
	"headers": {"cache-control": cache_control},
}}}

test_passes_with_a_cdn_and_redis if {
	r := caching_strategy.report with input as object.union(_cdn, _redis)
	r.verdict == "pass"
	testing.criterion(r, "Multi-layer caching implemented").message == "2 caching layers: application, edge"
	testing.criterion(r, "Multi-layer caching implemented").evidence == ["redis.yaml:1", "plan.json:aws_cloudfront_distribution.web"]
}

test_passes_with_application_settings_and_probed_cache_headers if {
	settings := fx_app.snapshot({"caching": {"clients": [fx_app.fact("Django CACHES", "default: RedisCache", "app/settings.py:2")]}})
	r := caching_strategy.report with input as object.union(settings, _probe("public, max-age=600"))
	r.verdict == "pass"
	contains(testing.criterion(r, "Multi-layer caching implemented").message, "application, http")
}

test_fails_when_every_source_was_read_and_one_layer_shows if {
	snapshot := object.union_n([{"infrastructure": {"cdn": {}}}, _redis, fx_app.snapshot({}), _probe("no-store")])
	r := caching_strategy.report with input as snapshot
	r.verdict == "fail"
	testing.criterion(r, "Multi-layer caching implemented").message == "1 caching layer(s) (application) < 2: no edge cache, no http cache"
}

test_pending_while_a_layer_could_still_show_up if {
	r := caching_strategy.report with input as _redis
	r.verdict == "pending"
	msg := testing.criterion(r, "Multi-layer caching implemented").message
	contains(msg, "edge: a Terraform plan (CDN distributions)")
	contains(msg, "(found 1 caching layer(s): application)")
}
