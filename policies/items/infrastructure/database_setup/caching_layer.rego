# METADATA
# title: "Caching Layer:"
# description: >-
#   Checklist item 4.2.2 (4.2 Database Setup). Redis comes from Redis operator objects (OpsTree,
#   Spotahome), redis/valkey images in StatefulSets/Deployments, and Terraform ElastiCache or
#   Memorystore. "Deployed" means at least two nodes (a replica to fail over to). TTL policy is the
#   maxmemory-policy where visible (args, operator config, parameter group). Not applicable when
#   context.uses_redis is false.
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
#   remediation: >-
#     Run Redis with at least one replica (Sentinel, Redis Cluster, a replication group) and set a
#     maxmemory-policy that evicts (allkeys-lru, volatile-lru, ...); set context.uses_redis to false
#     if the service does not use Redis.
#   thresholds:
#     - name: redis.min_nodes
#       default: 2
#       unit: count
#       description: Redis nodes (primary plus replicas) a production cache must run.
package gonogo.items.infrastructure.database_setup.caching_layer

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

default _collected := false

_collected if k8s.collected

_collected if k8s.infra_collected

_na := result.not_applicable("context.uses_redis is false")

caches := k8s.caches

_none := "no Redis found (operator object, redis StatefulSet, ElastiCache or Memorystore); set context.uses_redis: false if not used"

min_nodes := result.threshold("redis.min_nodes", 2)

node_problems contains {"message": msg, "ref": k8s.ref(c)} if {
	some c in caches
	c.instances != null
	c.instances < min_nodes
	msg := sprintf("redis %s (%s): %v node(s) < %v, no failover", [k8s.label(c), k8s.ref(c), c.instances, min_nodes])
}

criteria["Redis cluster deployed (if using)"] := _na if {
	k8s.context_false("uses_redis")
} else := k8s.decide(
	_collected, "Redis objects in manifests, a live cluster or a Terraform plan", caches, _none, node_problems,
	sprintf("%d Redis deployment(s) with failover", [count(caches)]),
)

criteria["Cache invalidation strategy defined"] := _na if {
	k8s.context_false("uses_redis")
} else := result.pending("an attestation or design document describing cache invalidation")

_policies contains c.maxmemory_policy if {
	some c in caches
	is_string(c.maxmemory_policy)
}

_ttl_problems contains {"message": msg, "ref": k8s.ref(c)} if {
	some c in caches
	c.maxmemory_policy == "noeviction"
	msg := sprintf("redis %s (%s): maxmemory-policy noeviction (keys never expire under memory pressure)", [k8s.label(c), k8s.ref(c)])
}

criteria["TTL policies configured"] := _na if {
	k8s.context_false("uses_redis")
} else := result.pending("Redis objects") if {
	not _collected
} else := result.fail(_none, []) if {
	count(caches) == 0
} else := result.fail(k8s.summary(_ttl_problems), k8s.problem_refs(_ttl_problems)) if {
	count(_ttl_problems) > 0
} else := result.pass(sprintf("maxmemory-policy: %s", [concat(", ", sort(_policies))]), k8s.refs(caches)) if {
	count(_policies) > 0
} else := result.pending("the Redis maxmemory-policy (kept in a ConfigMap or parameter group gonogo does not read)")
