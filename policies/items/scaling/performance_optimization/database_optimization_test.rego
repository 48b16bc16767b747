package gonogo.items.scaling.performance_optimization.database_optimization_test

import data.gonogo.items.scaling.performance_optimization.database_optimization
import data.gonogo.lib.testing

_text := "Queries indexed and optimized"

_index := {"table": "employee", "columns": ["department_id"], "name": "ix", "unique": false, "ref": "changelog.xml:28"}

_foreign_key := {"table": "employee", "columns": ["department_id"], "references": "department", "ref": "changelog.xml:20"}

_migrations(indexed) := {
	"migrations": {},
	"schema_files": {},
	"tools": ["liquibase"],
	"schema": {
		"tables": {"employee": "changelog.xml:9"},
		"indexes": {"employee(department_id)": _index},
		"indexed": indexed,
		"foreign_keys": {"employee(department_id)": _foreign_key},
	},
}

_plans(rows) := {"plans": {"perf/q.json": {
	"format": "postgresql", "plans": 1, "analyzed": false, "execution_ms": null,
	"full_scans": [{"relation": "employee", "rows": rows}], "index_scans": 0,
	"provenance": {"collector": "migrations", "file": "perf/q.json", "ref": "perf/q.json:1"},
}}}

_indexed := {"employee.department_id": "changelog.xml:28"}

test_pending_without_evidence if {
	r := database_optimization.report with input as {}
	r.verdict == "pending"
	contains(testing.criterion(r, _text).message, "migrations collector")
	contains(testing.criterion(r, _text).message, "EXPLAIN")
}

test_pending_with_indexes_but_no_plan if {
	r := database_optimization.report with input as {"operations": {"migrations": _migrations(_indexed)}}
	testing.verdict(r, _text) == "pending"
	testing.criterion(r, _text).message == "no evidence collected: needs saved query plans (EXPLAIN (ANALYZE, FORMAT JSON) output in the repository)"
}

test_passes_with_indexes_and_clean_plans if {
	r := database_optimization.report with input as {"operations": {"migrations": _migrations(_indexed), "query_plans": _plans(40)}}
	r.verdict == "pass"
	contains(testing.criterion(r, _text).message, "indexes: 1 index(es) on 1 table(s)")
	testing.criterion(r, _text).evidence == ["changelog.xml:28", "perf/q.json:1"]
}

test_fails_on_unindexed_foreign_key_even_without_plans if {
	r := database_optimization.report with input as {"operations": {"migrations": _migrations({})}}
	r.verdict == "fail"
	contains(testing.criterion(r, _text).message, "employee(department_id) (changelog.xml:20)")
}

test_fails_on_full_scan if {
	r := database_optimization.report with input as {"operations": {"migrations": _migrations(_indexed), "query_plans": _plans(200000)}}
	r.verdict == "fail"
	testing.criterion(r, _text).evidence == ["perf/q.json:1"]
}

test_not_applicable_without_database if {
	r := database_optimization.report with input as {"context": {"has_database": false}}
	r.verdict == "not_applicable"
}
