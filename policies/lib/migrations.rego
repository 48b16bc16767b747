# METADATA
# title: Migration and query-plan helpers
# description: >-
#   Decisions shared by the items that read the migrations collector's facts
#   (input.operations.migrations: migrations and the schema they build; input.operations.query_plans:
#   saved EXPLAIN JSON plans): whether the schema's indexes cover its foreign keys, and whether the
#   saved plans avoid large full scans and slow executions. docs/migrations.md.
# custom:
#   thresholds:
#     - name: database.full_scan_rows
#       default: 10000
#       unit: rows
#       description: >-
#         Most rows a full table scan (PostgreSQL Seq Scan, MySQL access_type ALL) in a saved query
#         plan may read.
#     - name: database.query_ms
#       default: 100
#       unit: ms
#       description: Slowest execution time accepted in a saved EXPLAIN ANALYZE plan.
package gonogo.lib.migrations

import data.gonogo.lib.result

_max_listed := 5

# METADATA
# description: The migrations collector ran (even if it found nothing).
collected if input.operations.migrations

# METADATA
# description: Every migration found, keyed by file (Liquibase by file#id:author); {} when none.
found := object.get(input, ["operations", "migrations", "migrations"], {})

# METADATA
# description: The schema the migrations and schema SQL files build (tables, indexes, indexed, foreign_keys).
schema := object.get(input, ["operations", "migrations", "schema"], {})

_tables := object.get(schema, "tables", {})

_indexes := object.get(schema, "indexes", {})

_foreign_keys := object.get(schema, "foreign_keys", {})

_indexed := object.get(schema, "indexed", {})

# METADATA
# description: At most five items of a sorted list, then how many more.
listed(items) := concat(", ", items) if {
	count(items) <= _max_listed
} else := sprintf("%s and %d more", [concat(", ", array.slice(items, 0, _max_listed)), count(items) - _max_listed])

# METADATA
# description: Foreign keys whose leading column leads no index, primary key or unique constraint.
unindexed_foreign_keys contains key if {
	some key, fk in _foreign_keys
	not _indexed[sprintf("%s.%s", [fk.table, fk.columns[0]])]
}

_unindexed_text := [sprintf("%s (%s)", [key, _foreign_keys[key].ref]) | some key in sort(unindexed_foreign_keys)]

# METADATA
# description: >-
#   "Indexes created for performance": pending when no migration or schema SQL was collected or
#   it creates no table; fail when a foreign key has no index or no index exists at all; else pass.
indexes_decision := result.pending("database migrations or schema SQL (the migrations collector)") if {
	not collected
} else := result.pending("migrations or schema SQL that create tables (none found)") if {
	count(_tables) == 0
} else := result.fail(
	sprintf("%d foreign key(s) without an index on their column(s): %s", [count(unindexed_foreign_keys), listed(_unindexed_text)]),
	[_foreign_keys[key].ref | some key in sort(unindexed_foreign_keys)],
) if {
	count(unindexed_foreign_keys) > 0
} else := result.fail(
	sprintf("%d table(s) created (%s) but no index besides primary keys and unique constraints", [count(_tables), listed(sort(object.keys(_tables)))]),
	sort({ref | some ref in _tables}),
) if {
	count(_indexes) == 0
} else := result.pass(
	sprintf(
		"%d index(es) on %d table(s); every foreign key (%d) has an index: %s",
		[count(_indexes), count(_tables), count(_foreign_keys), listed(sort(object.keys(_indexes)))],
	),
	sort({ix.ref | some ix in _indexes}),
)

# METADATA
# description: Saved query plans by file; {} when none were found.
plans := object.get(input, ["operations", "query_plans", "plans"], {})

_rows_limit := result.threshold("database.full_scan_rows", 10000)

_ms_limit := result.threshold("database.query_ms", 100)

_full_scans contains sprintf("%s reads %d rows (%s)", [scan.relation, scan.rows, plan.provenance.ref]) if {
	some plan in plans
	some scan in plan.full_scans
	scan.rows > _rows_limit
}

_slow contains sprintf("%s takes %v ms", [plan.provenance.ref, plan.execution_ms]) if {
	some plan in plans
	plan.execution_ms != null
	plan.execution_ms > _ms_limit
}

_plan_refs := sort({plan.provenance.ref | some plan in plans})

# METADATA
# description: >-
#   "Query optimization validated": pending without a saved plan; fail on a full scan of more
#   than database.full_scan_rows rows or an execution over database.query_ms; else pass.
plans_decision := result.pending("saved query plans (EXPLAIN (ANALYZE, FORMAT JSON) output in the repository)") if {
	count(plans) == 0
} else := result.fail(
	sprintf(
		"query plans with full scans over %d rows or slower than %v ms: %s",
		[_rows_limit, _ms_limit, listed(sort(_full_scans | _slow))],
	),
	_plan_refs,
) if {
	count(_full_scans | _slow) > 0
} else := result.pass(
	sprintf(
		"%d saved query plan file(s): no full scan over %d rows, none slower than %v ms",
		[count(plans), _rows_limit, _ms_limit],
	),
	_plan_refs,
)
