package gonogo.items.scaling.performance_optimization.connection_pooling_test

import data.gonogo.items.scaling.performance_optimization.connection_pooling as pooling

_pooler(size, instances) := {
	"name": "db-rw",
	"namespace": "data",
	"pool_size": size,
	"instances": instances,
	"provenance": {"ref": "pooler.yaml:1"},
}

test_pending_without_evidence if {
	r := pooling.report with input as {}
	r.verdict == "pending"
}

test_sized_pooler_passes if {
	r := pooling.report with input as {"kubernetes": {"connection_poolers": {"Pooler/data/db-rw": _pooler("25", 2)}, "databases": {}}}
	r.verdict == "pass"
	r.criteria[0].evidence == ["pooler.yaml:1"]
}

test_default_sized_single_pooler_fails if {
	r := pooling.report with input as {"kubernetes": {"connection_poolers": {"Pooler/data/db-rw": _pooler(null, 1)}, "databases": {}}}
	r.verdict == "fail"
	contains(r.criteria[0].message, "pooler data/db-rw (pooler.yaml:1): pool size not set explicitly")
	contains(r.criteria[0].message, "1 instance(s) < 2")
}

test_operator_pooler_counts if {
	db := {
		"name": "acid",
		"namespace": "data",
		"pooler": {"type": "pgbouncer", "instances": 2, "pool_size": 60},
		"provenance": {"ref": "zalando.yaml:1"},
	}
	r := pooling.report with input as {"kubernetes": {"connection_poolers": {}, "databases": {"postgresql/data/acid": db}}}
	r.verdict == "pass"
}

test_no_pooler_and_no_database_is_nothing_to_judge if {
	r := pooling.report with input as {"kubernetes": {"connection_poolers": {}, "databases": {}}}
	r.verdict == "pending"
	r.criteria[0].message == "no connection pooler (PgBouncer, CNPG Pooler, RDS Proxy) or database collected"
}

test_a_database_without_pooler_fails_naming_it if {
	db := {"name": "main", "namespace": "data", "engine": "postgresql", "provenance": {"ref": "db.yaml:1"}}
	r := pooling.report with input as {"kubernetes": {"connection_poolers": {}, "databases": {"data/main": db}}}
	r.verdict == "fail"
	r.criteria[0].evidence == ["db.yaml:1"]
	r.criteria[0].message == "database data/main (db.yaml:1): no connection pooler to size (PgBouncer, CNPG Pooler, RDS Proxy)"
}
