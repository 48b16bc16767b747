# METADATA
# title: "Connection Pooling: Database pools sized correctly"
# description: >-
#   Checklist item 7.2.4 (7.2 Performance Optimization). Poolers are CNPG Poolers, Zalando and
#   Crunchy PgBouncers, pooler workloads (pgbouncer, pgcat, odyssey, pgpool, proxysql images) and
#   RDS Proxy target groups. A pool is sized when its size is set explicitly (default_pool_size,
#   maxDBConnections, a numeric *_POOL_SIZE env, max_connections_percent) rather than left to the
#   pooler's default, and the pooler runs at least two instances.
# custom:
#   id: "7.2.4"
#   section: "7.2 Performance Optimization"
#   severity: medium
#   criteria:
#     - "Database pools sized correctly"
#   evidence:
#     - kubernetes.connection_poolers
#     - kubernetes.databases
#     - infrastructure.connection_poolers
#   remediation: >-
#     Put a pooler in front of the database with an explicit pool size matched to the database's
#     max_connections, and run at least two pooler instances.
#   thresholds:
#     - name: database.pooler_min_instances
#       default: 2
#       unit: count
#       description: Fewest connection-pooler instances accepted.
package gonogo.items.scaling.performance_optimization.connection_pooling

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

_operator_poolers := [object.union(d.pooler, {"name": d.name, "namespace": d.namespace, "provenance": d.provenance}) |
	some d in k8s.table(["databases"])
	is_object(d.pooler)
]

poolers := array.flatten([
	[p | some p in k8s.table(["connection_poolers"])],
	_operator_poolers,
	[p | some p in k8s.infra_table(["connection_poolers"])],
])

# The databases the pools serve: with no pooler at all, each is a subject whose control is missing.
_databases := [d | some d in k8s.databases]

min_instances := result.threshold("database.pooler_min_instances", 2)

problems contains {"message": msg, "ref": k8s.ref(p)} if {
	some p in poolers
	object.get(p, "pool_size", null) == null
	object.get(p, "pool_size_percent", null) == null
	msg := sprintf("pooler %s (%s): pool size not set explicitly (pooler default)", [k8s.label(p), k8s.ref(p)])
}

problems contains {"message": msg, "ref": k8s.ref(d)} if {
	count(poolers) == 0
	some d in _databases
	msg := sprintf("database %s (%s): no connection pooler to size (PgBouncer, CNPG Pooler, RDS Proxy)", [k8s.label(d), k8s.ref(d)])
}

problems contains {"message": msg, "ref": k8s.ref(p)} if {
	some p in poolers
	p.instances < min_instances
	msg := sprintf("pooler %s (%s): %v instance(s) < %v", [k8s.label(p), k8s.ref(p), p.instances, min_instances])
}

criteria["Database pools sized correctly"] := result.unless_false("has_database", k8s.judge(
	_collected, "pooler objects in manifests, a live cluster or a Terraform plan", array.concat(poolers, _databases),
	"connection pooler (PgBouncer, CNPG Pooler, RDS Proxy) or database", problems,
	sprintf("%d pooler(s) with explicit pool sizes", [count(poolers)]),
))
