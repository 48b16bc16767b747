package gonogo.items.infrastructure.database_setup.primary_database_test

import data.gonogo.items.infrastructure.database_setup.primary_database as db
import data.gonogo.lib.testing

_cnpg := {"name": "shop-db", "namespace": "data", "engine": "postgresql", "poolers": ["pooler.yaml:1"], "provenance": {"ref": "pg.yaml:1"}}

test_pending_without_evidence if {
	r := db.report with input as {}
	r.verdict == "pending"
	testing.criterion(r, "PostgreSQL/SQLite configured").verdict == "pending"
}

test_postgres_with_pooler_passes_decidable_criteria if {
	r := db.report with input as {"kubernetes": {"databases": {"Cluster/data/shop-db": _cnpg}}}
	testing.criterion(r, "PostgreSQL/SQLite configured").message == "databases: postgresql data/shop-db"
	testing.criterion(r, "Connection pooling optimized").verdict == "pass"
	r.verdict == "pending"
}

test_mysql_without_pooler_fails if {
	mysql := {"name": "db", "namespace": "data", "engine": "mysql", "poolers": [], "provenance": {"ref": "mysql.yaml:1"}}
	r := db.report with input as {"kubernetes": {"databases": {"StatefulSet/data/db": mysql}}}
	r.verdict == "fail"
	testing.criterion(r, "PostgreSQL/SQLite configured").message == "no PostgreSQL database: found mysql data/db"
	contains(testing.criterion(r, "Connection pooling optimized").message, "database data/db (mysql.yaml:1): no connection pooler")
}

test_managed_database_needs_proxy if {
	rds := {"address": "aws_db_instance.main", "engine": "postgresql", "provenance": {"ref": "plan.json:aws_db_instance.main"}}
	r := db.report with input as {"infrastructure": {"databases": {"aws_db_instance.main": rds}, "connection_poolers": {}}}
	contains(testing.criterion(r, "Connection pooling optimized").message, "aws_db_instance.main (plan.json:aws_db_instance.main): no RDS Proxy")
}

test_no_database_is_nothing_to_judge_unless_declared_absent if {
	r := db.report with input as {"kubernetes": {"databases": {}}}
	testing.criterion(r, "PostgreSQL/SQLite configured").verdict == "pending"
	startswith(testing.criterion(r, "PostgreSQL/SQLite configured").message, "no database (operator cluster")
	no_db := {"kubernetes": {"databases": {}}, "context": {"has_database": false}}
	na := db.report with input as object.union(no_db, testing.attested("context.has_database=false", "Product Manager", {}))
	testing.criterion(na, "PostgreSQL/SQLite configured").verdict == "not_applicable"
	typed := db.report with input as no_db
	testing.criterion(typed, "PostgreSQL/SQLite configured").verdict == "pending"
}

_schema(fks, indexed) := {
	"migrations": {},
	"schema_files": {},
	"tools": ["flyway"],
	"schema": {
		"tables": {"orders": "V1__orders.sql:1"},
		"indexes": {"orders(person_id)": {"table": "orders", "columns": ["person_id"], "name": "ix", "unique": false, "ref": "V1__orders.sql:9"}},
		"indexed": indexed,
		"foreign_keys": fks,
	},
}

_fk := {"orders(person_id)": {"table": "orders", "columns": ["person_id"], "references": "person", "ref": "V1__orders.sql:1"}}

_plan(rows) := {"plans": {"perf/q.json": {
	"format": "postgresql", "plans": 1, "analyzed": true, "execution_ms": 0.2,
	"full_scans": [{"relation": "orders", "rows": rows}], "index_scans": 1,
	"provenance": {"collector": "migrations", "file": "perf/q.json", "ref": "perf/q.json:1"},
}}}

test_indexes_and_plans_pass if {
	r := db.report with input as {
		"kubernetes": {"databases": {"Cluster/data/shop-db": _cnpg}},
		"operations": {"migrations": _schema(_fk, {"orders.person_id": "V1__orders.sql:9"}), "query_plans": _plan(10)},
	}
	r.verdict == "pass"
	contains(testing.criterion(r, "Indexes created for performance").message, "every foreign key (1) has an index")
	testing.criterion(r, "Query optimization validated").evidence == ["perf/q.json:1"]
}

test_unindexed_foreign_key_and_full_scan_fail if {
	r := db.report with input as {"operations": {"migrations": _schema(_fk, {}), "query_plans": _plan(50000)}}
	testing.verdict(r, "Indexes created for performance") == "fail"
	contains(testing.criterion(r, "Indexes created for performance").message, "orders(person_id) (V1__orders.sql:1)")
	testing.verdict(r, "Query optimization validated") == "fail"
	contains(testing.criterion(r, "Query optimization validated").message, "orders reads 50000 rows (perf/q.json:1)")
}

test_indexes_and_plans_pending_when_not_collected if {
	r := db.report with input as {"kubernetes": {"databases": {"Cluster/data/shop-db": _cnpg}}}
	contains(testing.criterion(r, "Indexes created for performance").message, "migrations collector")
	contains(testing.criterion(r, "Query optimization validated").message, "EXPLAIN")
}
