package gonogo.lib.migrations_test

import data.gonogo.lib.migrations

_prov(ref) := {"collector": "migrations", "file": "x", "ref": ref}

_schema(tables, indexes, indexed, fks) := {"operations": {"migrations": {
	"migrations": {},
	"schema_files": {},
	"tools": ["flyway"],
	"schema": {"tables": tables, "indexes": indexes, "indexed": indexed, "foreign_keys": fks},
}}}

_fk := {"orders(person_id)": {"table": "orders", "columns": ["person_id"], "references": "person", "ref": "V2__orders.sql:1"}}

_ix := {"orders(person_id)": {"table": "orders", "columns": ["person_id"], "name": "ix", "unique": false, "ref": "V3__ix.sql:1"}}

_tables := {"orders": "V2__orders.sql:1", "person": "V1__person.sql:1"}

test_indexes_pending_when_not_collected if {
	d := migrations.indexes_decision with input as {}
	d.verdict == "pending"
	contains(d.message, "migrations collector")
}

test_indexes_pending_when_no_table if {
	d := migrations.indexes_decision with input as {"operations": {"migrations": {}}}
	d.verdict == "pending"
	contains(d.message, "create tables (none found)")
}

test_indexes_fail_on_unindexed_foreign_key if {
	d := migrations.indexes_decision with input as _schema(_tables, _ix, {}, _fk)
	d.verdict == "fail"
	contains(d.message, "1 foreign key(s) without an index")
	contains(d.message, "orders(person_id) (V2__orders.sql:1)")
	d.evidence == ["V2__orders.sql:1"]
}

test_indexes_fail_without_any_index if {
	d := migrations.indexes_decision with input as _schema(_tables, {}, {"person.id": "V1__person.sql:1"}, {})
	d.verdict == "fail"
	contains(d.message, "2 table(s) created (orders, person) but no index")
}

test_indexes_pass if {
	d := migrations.indexes_decision with input as _schema(_tables, _ix, {"orders.person_id": "V3__ix.sql:1"}, _fk)
	d.verdict == "pass"
	d.assurance == "measured"
	contains(d.message, "1 index(es) on 2 table(s); every foreign key (1) has an index")
}

test_listed_caps_at_five if {
	migrations.listed(["a", "b", "c", "d", "e", "f", "g"]) == "a, b, c, d, e and 2 more"
	migrations.listed(["a", "b"]) == "a, b"
}

_plans(plans) := {"operations": {"query_plans": {"plans": plans}}}

_plan(ref, scans, ms) := {
	"format": "postgresql", "plans": 1, "analyzed": ms != null, "execution_ms": ms,
	"full_scans": scans, "index_scans": 0, "provenance": _prov(ref),
}

test_plans_pending_without_plans if {
	d := migrations.plans_decision with input as {}
	d.verdict == "pending"
	contains(d.message, "EXPLAIN")
}

test_plans_fail_on_large_full_scan if {
	d := migrations.plans_decision with input as _plans({"a.json": _plan("a.json:1", [{"relation": "orders", "rows": 100000}], 6.7)})
	d.verdict == "fail"
	contains(d.message, "orders reads 100000 rows (a.json:1)")
}

test_plans_fail_on_slow_execution if {
	d := migrations.plans_decision with input as _plans({"a.json": _plan("a.json:1", [], 250)})
	d.verdict == "fail"
	contains(d.message, "a.json:1 takes 250 ms")
}

test_plans_pass if {
	d := migrations.plans_decision with input as _plans({
		"a.json": _plan("a.json:1", [{"relation": "tiny", "rows": 12}], 0.2),
		"b.json": _plan("b.json:1", [], null),
	})
	d.verdict == "pass"
	d.evidence == ["a.json:1", "b.json:1"]
	contains(d.message, "2 saved query plan file(s): no full scan over 10000 rows")
}

test_plans_threshold_from_settings if {
	d := migrations.plans_decision with input as object.union(
		_plans({"a.json": _plan("a.json:1", [{"relation": "orders", "rows": 500}], null)}),
		{"settings": {"thresholds": {"database.full_scan_rows": 100}}},
	)
	d.verdict == "fail"
	contains(d.message, "full scans over 100 rows")
}

test_found_is_every_migration_or_empty if {
	count(migrations.found) == 0 with input as {}
	found := migrations.found with input as {"operations": {"migrations": {"migrations": {"V1__a.sql": {"tool": "flyway"}}}}}
	object.keys(found) == {"V1__a.sql"}
}
