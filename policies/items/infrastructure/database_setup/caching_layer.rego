# METADATA
# title: "Caching Layer:"
# description: >-
#   Checklist item 4.2.2 (4.2 Database Setup). Redis comes from Redis operator objects (OpsTree,
#   Spotahome), redis/valkey images in StatefulSets/Deployments, and Terraform ElastiCache or
#   Memorystore. "Deployed" means at least two nodes (a replica to fail over to). TTL policy is the
#   maxmemory-policy where visible (args, operator config, parameter group, redis.conf, a ConfigMap)
#   or the application's cache settings (Django CACHES TIMEOUT, Spring cache time-to-live, per-key
#   expiry in code), read by the application collector. Cache invalidation is measured from code
#   (delete/expire calls on a cache client, @CacheEvict, cache tags) or declared by a written
#   strategy (a heading about cache invalidation with caching.min_strategy_words words under it).
#   Not applicable when context.uses_redis is false.
# custom:
#   id: "4.2.2"
#   section: "4.2 Database Setup"
#   severity: medium
#   criteria:
#     - "Redis cluster deployed (if using)"
#     - "Cache invalidation strategy defined"
#     - "TTL policies configured"
#   evidence:
#     - kubernetes.databases
#     - infrastructure.databases
#     - security.application
#   remediation: >-
#     Run Redis with at least one replica (Sentinel, Redis Cluster, a replication group), set a
#     maxmemory-policy that evicts (allkeys-lru, volatile-lru, ...) and give cached entries a TTL;
#     delete or expire keys when their source changes (or write the strategy down); set
#     context.uses_redis to false if the service does not use Redis.
#   thresholds:
#     - name: redis.min_nodes
#       default: 2
#       unit: count
#       description: Redis nodes (primary plus replicas) a production cache must run.
#     - name: caching.min_strategy_words
#       default: 50
#       unit: words
#       description: Fewest words a written cache-invalidation strategy must have under its heading.
package gonogo.items.infrastructure.database_setup.caching_layer

import data.gonogo.lib.application as app
import data.gonogo.lib.kubernetes as k8s
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

default _collected := false

_collected if k8s.collected

_collected if k8s.infra_collected

caches := k8s.caches

_none := "Redis (operator object, redis StatefulSet, ElastiCache or Memorystore)"

min_nodes := result.threshold("redis.min_nodes", 2)

node_problems contains {"message": msg, "ref": k8s.ref(c)} if {
	some c in caches
	c.instances != null
	c.instances < min_nodes
	msg := sprintf("redis %s (%s): %v node(s) < %v, no failover", [k8s.label(c), k8s.ref(c), c.instances, min_nodes])
}

criteria["Redis cluster deployed (if using)"] := result.unless_false("uses_redis", k8s.judge(
	_collected, "Redis objects in manifests, a live cluster or a Terraform plan", caches, _none, node_problems,
	sprintf("%d Redis deployment(s) with failover", [count(caches)]),
))

criteria["Cache invalidation strategy defined"] := result.unless_false("uses_redis", invalidation)

_invalidation := app.facts("caching", "invalidation")

_min_words := result.threshold("caching.min_strategy_words", 50)

_written := [f | some f in app.facts("caching", "invalidation_documented"); f.count >= _min_words]

_short := [f | some f in app.facts("caching", "invalidation_documented"); f.count < _min_words]

_clients := app.facts("caching", "clients")

_redis_libraries := object.get(input, ["security", "dependencies", "signals", "redis_client"], [])

default _cache_found := false

_cache_found if count(caches) > 0

_cache_found if count(_clients) > 0

_cache_found if count(_redis_libraries) > 0

# METADATA
# description: >-
#   Keys are invalidated in code (measured), or a strategy is written down (declared); fails when
#   a cache exists and neither was found, pending when no cache was found.
invalidation := result.pending("the application collector (cache calls in code, written strategies)") if {
	not app.collected
} else := result.pass(sprintf("invalidated in code: %s", [app.text(_invalidation)]), app.refs(_invalidation)) if {
	count(_invalidation) > 0
} else := result.declared(sprintf("written strategy: %s", [app.text(_written)]), app.refs(_written)) if {
	count(_written) > 0
} else := result.fail(
	sprintf("no key deletion, expiry, @CacheEvict or cache tags in the code, and no written strategy%s", [_short_text]),
	app.refs(_short),
) if {
	_cache_found
} else := result.pending("a cache to judge (Redis objects, cache settings or a Redis client): none found")

default _short_text := ""

_short_text := sprintf(" (too short: %s; %d words needed)", [app.text(_short), _min_words]) if count(_short) > 0

_policies contains c.maxmemory_policy if {
	some c in caches
	is_string(c.maxmemory_policy)
}

_ttl_problems contains {"message": msg, "ref": k8s.ref(c)} if {
	some c in caches
	c.maxmemory_policy == "noeviction"
	msg := sprintf("redis %s (%s): maxmemory-policy noeviction (keys never expire under memory pressure)", [k8s.label(c), k8s.ref(c)])
}

_ttl_problems contains {"message": sprintf("%s: %s", [f.via, f.detail]), "ref": f.provenance.ref} if {
	some f in app.facts("caching", "ttl_gaps")
}

_ttl := app.facts("caching", "ttl")

_ttl_evidence := array.concat(k8s.refs(caches), app.refs(_ttl))

_ttl_text := concat("; ", array.concat(
	[sprintf("maxmemory-policy: %s", [concat(", ", sort(_policies))]) | count(_policies) > 0],
	[app.text(_ttl) | count(_ttl) > 0],
))

criteria["TTL policies configured"] := result.unless_false("uses_redis", _ttl_decision)

_ttl_decision := result.pending("Redis objects or the application's cache settings") if {
	not _collected
	not app.collected
} else := result.fail(k8s.summary(_ttl_problems), k8s.problem_refs(_ttl_problems)) if {
	count(_ttl_problems) > 0
} else := result.pass(_ttl_text, _ttl_evidence) if {
	count(_policies) + count(_ttl) > 0
} else := result.nothing("cache (Redis, cache settings or a Redis client)") if {
	count(caches) == 0
	not _cache_found
} else := result.fail(
	"cache found but no TTL or eviction policy in its settings or the code",
	array.concat(k8s.refs(caches), app.refs(_clients)),
) if {
	app.collected
} else := result.pending("the Redis maxmemory-policy (kept in a ConfigMap or parameter group gonogo does not read)")
