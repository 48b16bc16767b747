package gonogo.items.infrastructure.database_setup.caching_layer_test

import data.gonogo.items.infrastructure.database_setup.caching_layer as cache
import data.gonogo.lib.application_test as fx_app
import data.gonogo.lib.testing

_redis := {
	"name": "cache",
	"namespace": "data",
	"engine": "redis",
	"instances": 3,
	"maxmemory_policy": "allkeys-lru",
	"provenance": {"ref": "redis.yaml:1"},
}

test_pending_without_evidence if {
	r := cache.report with input as {}
	r.verdict == "pending"
}

test_not_applicable_without_redis if {
	r := cache.report with input as {"context": {"uses_redis": false}}
	r.verdict == "not_applicable"
}

test_replicated_redis_with_eviction_passes if {
	r := cache.report with input as {"kubernetes": {"databases": {"RedisFailover/data/cache": _redis}}}
	testing.criterion(r, "Redis cluster deployed (if using)").verdict == "pass"
	testing.criterion(r, "TTL policies configured").message == "maxmemory-policy: allkeys-lru"
	testing.criterion(r, "Cache invalidation strategy defined").verdict == "pending"
}

test_single_node_noeviction_fails if {
	single := object.union(_redis, {"instances": 1, "maxmemory_policy": "noeviction"})
	r := cache.report with input as {"kubernetes": {"databases": {"StatefulSet/data/cache": single}}}
	r.verdict == "fail"
	contains(testing.criterion(r, "Redis cluster deployed (if using)").message, "redis data/cache (redis.yaml:1): 1 node(s) < 2, no failover")
	contains(testing.criterion(r, "TTL policies configured").message, "maxmemory-policy noeviction")
}

test_no_redis_is_nothing_to_judge if {
	r := cache.report with input as {"kubernetes": {"databases": {}}}
	testing.criterion(r, "Redis cluster deployed (if using)").verdict == "pending"
	startswith(testing.criterion(r, "Redis cluster deployed (if using)").message, "no Redis (operator object")
}

_k8s := {"kubernetes": {"databases": {"RedisFailover/data/cache": _redis}}}

_django := fx_app.fact("Django CACHES", "default: RedisCache", "app/settings.py:2")

test_passes_with_invalidation_in_code_and_ttl_settings if {
	snapshot := object.union(_k8s, fx_app.snapshot({"caching": {
		"clients": [_django],
		"invalidation": [fx_app.fact("cache delete()", "key invalidated in code", "app/cache.py:22")],
		"ttl": [fx_app.fact("Django CACHES TIMEOUT", "default: TIMEOUT set", "app/settings.py:5")],
	}}))
	r := cache.report with input as snapshot
	r.verdict == "pass"
	invalidation := testing.criterion(r, "Cache invalidation strategy defined").message
	invalidation == "invalidated in code: cache delete(): key invalidated in code (app/cache.py:22)"
	ttl := testing.criterion(r, "TTL policies configured").message
	ttl == "maxmemory-policy: allkeys-lru; Django CACHES TIMEOUT: default: TIMEOUT set (app/settings.py:5)"
	testing.criterion(r, "TTL policies configured").evidence == ["redis.yaml:1", "app/settings.py:5"]
}

test_a_written_strategy_is_a_declared_pass if {
	doc := object.union(fx_app.fact("documented strategy", "74 words under a cache-invalidation heading", "docs/caching.md:3"), {"count": 74})
	r := cache.report with input as object.union(_k8s, fx_app.snapshot({"caching": {"invalidation_documented": [doc]}}))
	c := testing.criterion(r, "Cache invalidation strategy defined")
	c.verdict == "pass"
	c.assurance == "declared"
}

test_fails_without_invalidation_and_with_entries_that_never_expire if {
	short := object.union(fx_app.fact("documented strategy", "8 words under a cache-invalidation heading", "docs/caching.md:3"), {"count": 8})
	never := fx_app.fact("Django CACHES TIMEOUT", "default: TIMEOUT None (entries never expire)", "app/settings.py:7")
	r := cache.report with input as fx_app.snapshot({"caching": {"clients": [_django], "invalidation_documented": [short], "ttl_gaps": [never]}})
	r.verdict == "fail"
	msg := testing.criterion(r, "Cache invalidation strategy defined").message
	startswith(msg, "no key deletion, expiry, @CacheEvict or cache tags in the code, and no written strategy (too short")
	endswith(msg, "50 words needed)")
	contains(testing.criterion(r, "TTL policies configured").message, "TIMEOUT None (entries never expire)")
}

test_a_cache_without_ttl_fails_once_the_application_was_read if {
	plain := object.union(_redis, {"maxmemory_policy": null})
	r := cache.report with input as object.union({"kubernetes": {"databases": {"StatefulSet/data/cache": plain}}}, fx_app.snapshot({}))
	testing.criterion(r, "TTL policies configured").message == "cache found but no TTL or eviction policy in its settings or the code"
	testing.verdict(r, "Cache invalidation strategy defined") == "fail"
}

test_invalidation_pending_without_a_cache if {
	r := cache.report with input as fx_app.snapshot({})
	testing.verdict(r, "Cache invalidation strategy defined") == "pending"
	contains(testing.criterion(r, "Cache invalidation strategy defined").message, "a cache to judge")
}
