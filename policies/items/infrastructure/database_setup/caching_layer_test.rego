package gonogo.items.infrastructure.database_setup.caching_layer_test

import data.gonogo.items.infrastructure.database_setup.caching_layer as cache
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

test_no_redis_found_fails if {
	r := cache.report with input as {"kubernetes": {"databases": {}}}
	contains(testing.criterion(r, "Redis cluster deployed (if using)").message, "no Redis found")
}
