# METADATA
# title: "Database Migrations:"
# description: >-
#   Checklist item 4.2.3 (4.2 Database Setup). Decided from the migrations the migrations
#   collector finds (Alembic, Django, Flyway, golang-migrate, Liquibase: whether each can be
#   reversed), the JUnit results of tests on migrations, downgrades and data integrity (subjects
#   migration, downgrade and integrity of the reports collector), and the pipeline steps that run
#   migrations (a backup step before each, from the pipelines collector). docs/migrations.md.
# custom:
#   id: "4.2.3"
#   section: "4.2 Database Setup"
#   severity: critical
#   criteria:
#     - "Migration scripts tested"
#     - "Rollback procedures verified"
#     - "Data integrity checks passed"
#     - "Backup taken before migration"
#   attested_by:
#     "Rollback procedures verified": DevOps Lead
#     "Data integrity checks passed": Engineering Lead
#     "Backup taken before migration": DevOps Lead
#   evidence:
#     - operations.migrations
#     - quality.tests
#     - operations.pipelines
#     - attestations
#   thresholds:
#     - name: tests.subject.migration
#       default: ""
#       unit: pattern
#       description: Which tests exercise migrations (empty means by name).
#     - name: tests.subject.downgrade
#       default: ""
#       unit: pattern
#       description: Which tests exercise downgrades/undo migrations (empty means by name).
#     - name: tests.subject.integrity
#       default: ""
#       unit: pattern
#       description: Which tests check data integrity (empty means by name).
#   remediation: >-
#     Give every migration a working downgrade (Alembic downgrade(), Flyway U<version>__ undo,
#     Liquibase rollback, Django reverse_code/reverse_sql), test the migrations in CI (a JUnit
#     report with tests named for migrations, downgrades and data integrity, e.g.
#     pytest-alembic's or a stairway test), and take a backup in the pipeline before the step that
#     runs them. Set context.has_database to false if the service has no database.
package gonogo.items.infrastructure.database_setup.database_migrations

import data.gonogo.lib.migrations
import data.gonogo.lib.pipelines
import data.gonogo.lib.result
import data.gonogo.lib.test_results

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

_found := migrations.found

_tools := concat(", ", sort({m.tool | some m in _found}))

# The JUnit results, or null when none were collected: the reports collector ran but found no
# JUnit report (and none unreadable) is "nothing to judge", pending, not a missing test.
default _tests := null

_tests := tests if {
	tests := input.quality.tests
	_has_results(tests)
}

_has_results(tests) if count(object.get(tests, "reports", {})) > 0

_has_results(tests) if count(object.get(tests, "unreadable", [])) > 0

_subjects[name] := object.get(input, ["quality", "tests", "subjects", name], null) if {
	some name in ["migration", "downgrade", "integrity"]
}

_labels := {
	"migration": test_results.described("migrations", result.threshold("tests.subject.migration", ""), "tests.subject.migration"),
	"downgrade": test_results.described("downgrades", result.threshold("tests.subject.downgrade", ""), "tests.subject.downgrade"),
	"integrity": test_results.described("data integrity", result.threshold("tests.subject.integrity", ""), "tests.subject.integrity"),
}

# What is wrong with the tests on a subject (counts: its quality.tests.subjects entry, or null).
_problems(label, counts) := {sprintf("no test on %s among the JUnit results", [label])} if {
	counts == null
} else := {sprintf("no test on %s passed", [label])} if {
	counts.passed == 0
} else := {sprintf(
	"tests on %s: %d failed, %d errored: %s",
	[label, counts.failed, counts.errored, concat(", ", counts.failing)],
)} if {
	counts.failed + counts.errored > 0
} else := set()

_problems_of[name] := _problems(_labels[name], counts) if some name, counts in _subjects

_passed[name] := sprintf("%d test(s) on %s passed", [counts.passed, _labels[name]]) if {
	some name, counts in _subjects
	counts != null
}

_refs[name] := object.get(counts, "reports", []) if {
	some name, counts in _subjects
	counts != null
}

# Pending until there are migrations to judge, else decision; not applicable without a database.
_with_migrations(collected, found, decision) := result.unless_false("has_database", _judged(collected, found, decision))

_judged(collected, found, decision) := result.pending("database migrations (the migrations collector)") if {
	not collected
} else := result.pending("database migrations (Alembic, Django, Flyway, golang-migrate, Liquibase; none found)") if {
	count(found) == 0
} else := decision

default _collected := false

_collected if migrations.collected

criteria["Migration scripts tested"] := _with_migrations(_collected, _found, test_results.decide(
	_tests,
	_problems_of.migration,
	sprintf("%s; %d migration(s) (%s)", [object.get(_passed, "migration", ""), count(_found), _tools]),
	object.get(_refs, "migration", []),
))

_irreversible contains key if {
	some key, m in _found
	not m.reversible
	not m.repeatable
}

_irreversible_text := [sprintf("%s (%s)", [_found[key].provenance.ref, _found[key].irreversible_because]) |
	some key in sort(_irreversible)
]

criteria["Rollback procedures verified"] := _with_migrations(_collected, _found, _rollback)

_rollback := result.fail(
	sprintf(
		"%d of %d migration(s) cannot be rolled back: %s",
		[count(_irreversible), count(_found), migrations.listed(_irreversible_text)],
	),
	[_found[key].provenance.ref | some key in sort(_irreversible)],
) if {
	count(_irreversible) > 0
} else := result.pending(sprintf(
	"every migration (%d) has a reverse; a passing downgrade test in the JUnit results to verify it",
	[count(_found)],
)) if {
	_subjects.downgrade == null
} else := test_results.decide(
	_tests,
	_problems_of.downgrade,
	sprintf("every migration (%d) has a reverse; %s", [count(_found), _passed.downgrade]),
	_refs.downgrade,
)

criteria["Data integrity checks passed"] := _with_migrations(_collected, _found, _integrity)

_integrity := result.pending("a data-integrity test (integrity, constraints, orphans, checksums) in the JUnit results") if {
	_subjects.integrity == null
} else := test_results.decide(_tests, _problems_of.integrity, _passed.integrity, _refs.integrity)

_runs := {run | some run in pipelines.migrations_run}

_unprotected := sort({run.ref | some run in _runs; not run.backup_first})

criteria["Backup taken before migration"] := result.unless_false("has_database", _backup)

_backup := result.pending("a pipeline step that runs migrations (the pipelines collector)") if {
	count(_runs) == 0
} else := result.fail(
	sprintf("migrations run with no backup step before them: %s", [migrations.listed(_unprotected)]),
	_unprotected,
) if {
	count(_unprotected) > 0
} else := result.pass(
	sprintf("every pipeline step that runs migrations (%d) comes after a backup step", [count(_runs)]),
	sort({run.ref | some run in _runs}),
)
