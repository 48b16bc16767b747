# METADATA
# title: "Primary Database:"
# description: >-
#   Checklist item 4.2.1 (4.2 Database Setup). Databases come from operator objects (CloudNativePG,
#   Zalando, Crunchy), database images in StatefulSets/Deployments, and Terraform managed databases
#   (RDS/Aurora, Cloud SQL, Azure flexible server). A pooler counts for a database when it is the
#   operator's own (CNPG Pooler, Zalando/Crunchy PgBouncer), a pooler workload in its namespace, or
#   an RDS Proxy in the plan. Indexes come from the schema the migrations and schema SQL files build
#   (every foreign key's column must lead an index; lib/migrations.rego), query optimization from
#   saved EXPLAIN JSON plans (no full scan over database.full_scan_rows rows, none slower than
#   database.query_ms). docs/migrations.md.
# custom:
#   id: "4.2.1"
#   section: "4.2 Database Setup"
#   severity: critical
#   criteria:
#     - "PostgreSQL/SQLite configured"
#     - "Connection pooling optimized"
#     - "Indexes created for performance"
#     - "Query optimization validated"
#   evidence:
#     - kubernetes.databases
#     - kubernetes.connection_poolers
#     - infrastructure.databases
#     - infrastructure.connection_poolers
#     - operations.migrations
#     - operations.query_plans
#   remediation: >-
#     Run PostgreSQL (an operator-managed cluster or a managed service) and put a connection pooler
#     (PgBouncer, CNPG Pooler, RDS Proxy) in front of it. Index every foreign key column in the
#     migrations, and keep EXPLAIN (ANALYZE, FORMAT JSON) plans of the hot queries in the repository
#     (free of large sequential scans). Set context.has_database to false if the service has no
#     database.
package gonogo.items.infrastructure.database_setup.primary_database

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.migrations
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

_needs := "database objects in manifests, a live cluster or a Terraform plan"

_none := "database (operator cluster, database StatefulSet or managed database)"

databases := k8s.databases

_engine_problems contains {"message": "no PostgreSQL database among those found", "ref": k8s.ref(d)} if {
	count([d | some d in databases; d.engine == "postgresql"]) == 0
	some d in databases
}

_engines := concat(", ", sort({sprintf("%s %s", [d.engine, k8s.label(d)]) | some d in databases}))

criteria["PostgreSQL/SQLite configured"] := result.unless_false("has_database", k8s.judge(
	_collected, _needs, databases, _none,
	{{"message": sprintf("no PostgreSQL database: found %s", [_engines]), "ref": p.ref} | some p in _engine_problems},
	sprintf("databases: %s", [_engines]),
))

_tf_poolers := k8s.infra_table(["connection_poolers"])

pooling_problems contains {"message": msg, "ref": k8s.ref(d)} if {
	some key, d in databases
	startswith(key, "k8s:")
	count(object.get(d, "poolers", [])) == 0
	msg := sprintf("database %s (%s): no connection pooler (PgBouncer, CNPG Pooler)", [k8s.label(d), k8s.ref(d)])
}

pooling_problems contains {"message": msg, "ref": k8s.ref(d)} if {
	count(_tf_poolers) == 0
	some key, d in databases
	startswith(key, "tf:")
	msg := sprintf("database %s (%s): no RDS Proxy or other pooler in the plan", [k8s.label(d), k8s.ref(d)])
}

criteria["Connection pooling optimized"] := result.unless_false("has_database", k8s.judge(
	_collected, _needs, databases, _none, pooling_problems,
	sprintf("every database has a connection pooler (%d databases)", [count(databases)]),
))

criteria["Indexes created for performance"] := result.unless_false("has_database", migrations.indexes_decision)

criteria["Query optimization validated"] := result.unless_false("has_database", migrations.plans_decision)
