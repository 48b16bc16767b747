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

test_no_database_fails_unless_declared_absent if {
	r := db.report with input as {"kubernetes": {"databases": {}}}
	contains(testing.criterion(r, "PostgreSQL/SQLite configured").message, "no database found")
	na := db.report with input as {"kubernetes": {"databases": {}}, "context": {"has_database": false}}
	testing.criterion(na, "PostgreSQL/SQLite configured").verdict == "not_applicable"
}
