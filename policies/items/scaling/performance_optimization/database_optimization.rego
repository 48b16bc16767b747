# METADATA
# title: "Database Optimization: Queries indexed and optimized"
# description: >-
#   Checklist item 7.2.2 (7.2 Performance Optimization). Decided from the schema the migrations
#   and schema SQL files build (every foreign key's column leads an index, and indexes exist) and
#   from saved EXPLAIN JSON plans (no full scan over database.full_scan_rows rows, none slower
#   than database.query_ms): both must hold to pass, either failing fails. docs/migrations.md.
# custom:
#   id: "7.2.2"
#   section: "7.2 Performance Optimization"
#   severity: medium
#   criteria:
#     - "Queries indexed and optimized"
#   evidence:
#     - operations.migrations
#     - operations.query_plans
#   remediation: >-
#     Index every foreign key column in the migrations, and commit EXPLAIN (ANALYZE, FORMAT JSON)
#     plans of the hot queries (free of large sequential scans) so gonogo can read them. Set
#     context.has_database to false if the service has no database.
package gonogo.items.scaling.performance_optimization.database_optimization

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

_indexes := migrations.indexes_decision

_plans := migrations.plans_decision

_parts := [_indexes, _plans]

_failing := [p | some p in _parts; p.verdict == "fail"]

_open := [p.message | some p in _parts; p.verdict == "pending"]

criteria["Queries indexed and optimized"] := result.unless_false("has_database", _decision)

_decision := result.fail(concat("; ", [p.message | some p in _failing]), [ref | some p in _failing; some ref in p.evidence]) if {
	count(_failing) > 0
} else := result.pending(concat("; ", [trim_prefix(m, "no evidence collected: needs ") | some m in _open])) if {
	count(_open) > 0
} else := result.pass(
	sprintf("indexes: %s; query plans: %s", [_indexes.message, _plans.message]),
	array.concat(_indexes.evidence, _plans.evidence),
)
