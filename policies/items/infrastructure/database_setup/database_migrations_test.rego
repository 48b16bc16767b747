package gonogo.items.infrastructure.database_setup.database_migrations_test

import data.gonogo.items.infrastructure.database_setup.database_migrations
import data.gonogo.lib.testing

_prov(ref) := {"collector": "migrations", "file": ref, "ref": ref}

_migration(file, reversible, why) := {
	"tool": "alembic", "id": file, "file": file, "parents": [], "reversible": reversible,
	"irreversible_because": why, "reverse": null, "repeatable": false, "ops": ["drop_column"],
	"reverse_ops": [], "destructive": [], "indexes": 0, "constraints": [],
	"provenance": _prov(sprintf("%s:21", [file])),
}

_reversible := {"versions/a1.py": _migration("versions/a1.py", true, "")}

_one_way := object.union(_reversible, {"versions/b2.py": _migration("versions/b2.py", false, "downgrade() does nothing")})

_counts(passed, failed) := {
	"tests": passed + failed, "passed": passed, "failed": failed, "errored": 0, "skipped": 0,
	"failing": _failing(failed),
	"reports": ["reports/junit.xml"],
}

_failing(failed) := ["tests/test_migrations.py::test_upgrade"] if {
	failed > 0
} else := []

_report := {
	"format": "junit", "dialect": "pytest", "suites": 1, "tests": 9, "passed": 9, "failed": 0,
	"errored": 0, "skipped": 0, "provenance": _prov("reports/junit.xml"),
}

_tests(subjects) := {"reports": {"reports/junit.xml": _report}, "kinds": {}, "subjects": subjects, "smoke_runs": {}, "unreadable": []}

_snapshot(found, subjects) := {
	"operations": {"migrations": {"migrations": found, "schema_files": {}, "tools": ["alembic"], "schema": {}}},
	"quality": {"tests": _tests(subjects)},
}

_all_pass := {"migration": _counts(4, 0), "downgrade": _counts(1, 0), "integrity": _counts(2, 0)}

_runs(backup_first) := {{"ref": ".github/workflows/deploy.yml:30", "backup_first": backup_first}}

test_pending_without_evidence if {
	r := database_migrations.report with input as {}
	r.verdict == "pending"
	contains(testing.criterion(r, "Migration scripts tested").message, "migrations collector")
	contains(testing.criterion(r, "Backup taken before migration").message, "pipelines collector")
}

test_pending_when_no_migration_found if {
	r := database_migrations.report with input as {"operations": {"migrations": {}}}
	contains(testing.criterion(r, "Migration scripts tested").message, "none found")
	testing.verdict(r, "Rollback procedures verified") == "pending"
}

test_pending_without_junit_results if {
	r := database_migrations.report with input as {"operations": {"migrations": {"migrations": _reversible}}}
	testing.verdict(r, "Migration scripts tested") == "pending"
	contains(testing.criterion(r, "Migration scripts tested").message, "JUnit")
	contains(testing.criterion(r, "Rollback procedures verified").message, "downgrade test")
	contains(testing.criterion(r, "Rollback procedures verified").message, "DevOps Lead")
}

test_passes_with_tests_reversible_migrations_and_backups if {
	r := database_migrations.report with input as _snapshot(_reversible, _all_pass)
		with data.gonogo.lib.pipelines.migrations_run as _runs(true)
	testing.all_criteria(r, "pass")
	r.verdict == "pass"
	contains(testing.criterion(r, "Migration scripts tested").message, "4 test(s) on migrations passed; 1 migration(s) (alembic)")
	contains(testing.criterion(r, "Rollback procedures verified").message, "every migration (1) has a reverse; 1 test(s) on downgrades passed")
	testing.criterion(r, "Backup taken before migration").evidence == [".github/workflows/deploy.yml:30"]
}

test_pending_when_the_reports_collector_found_no_junit_report if {
	# the reports collector ran and found nothing: no test can be missing (nothing to judge)
	none := {"reports": {}, "kinds": {}, "subjects": {}, "smoke_runs": {}, "unreadable": []}
	r := database_migrations.report with input as {
		"operations": {"migrations": {"migrations": _reversible}},
		"quality": {"tests": none},
	}
	testing.verdict(r, "Migration scripts tested") == "pending"
	contains(testing.criterion(r, "Migration scripts tested").message, "JUnit")
	testing.verdict(r, "Data integrity checks passed") == "pending"
}

test_unreadable_junit_report_is_an_error_not_nothing if {
	broken := {"reports": {}, "kinds": {}, "subjects": {}, "smoke_runs": {}, "unreadable": ["reports/junit.xml"]}
	r := database_migrations.report with input as {
		"operations": {"migrations": {"migrations": _reversible}},
		"quality": {"tests": broken},
	}
	testing.verdict(r, "Migration scripts tested") == "error"
}

test_fails_without_migration_tests if {
	r := database_migrations.report with input as _snapshot(_reversible, {})
	testing.verdict(r, "Migration scripts tested") == "fail"
	contains(testing.criterion(r, "Migration scripts tested").message, "no test on migrations among the JUnit results")
}

test_fails_when_migration_tests_fail if {
	r := database_migrations.report with input as _snapshot(_reversible, {"migration": _counts(3, 1)})
	testing.verdict(r, "Migration scripts tested") == "fail"
	contains(testing.criterion(r, "Migration scripts tested").message, "1 failed, 0 errored: tests/test_migrations.py::test_upgrade")
}

test_fails_when_no_migration_test_passed if {
	r := database_migrations.report with input as _snapshot(_reversible, {"migration": _counts(0, 0)})
	contains(testing.criterion(r, "Migration scripts tested").message, "no test on migrations passed")
}

test_fails_on_an_irreversible_migration if {
	r := database_migrations.report with input as _snapshot(_one_way, _all_pass)
	testing.verdict(r, "Rollback procedures verified") == "fail"
	c := testing.criterion(r, "Rollback procedures verified")
	contains(c.message, "1 of 2 migration(s) cannot be rolled back: versions/b2.py:21 (downgrade() does nothing)")
	c.evidence == ["versions/b2.py:21"]
}

test_repeatable_migrations_need_no_reverse if {
	repeatable := {"R__views.sql": object.union(_migration("R__views.sql", false, "no undo migration"), {"repeatable": true})}
	r := database_migrations.report with input as _snapshot(object.union(_reversible, repeatable), _all_pass)
	testing.verdict(r, "Rollback procedures verified") == "pass"
}

test_fails_when_downgrade_tests_fail if {
	r := database_migrations.report with input as _snapshot(_reversible, object.union(_all_pass, {"downgrade": _counts(0, 1)}))
	testing.verdict(r, "Rollback procedures verified") == "fail"
}

test_rollback_attested_when_no_downgrade_test if {
	r := database_migrations.report with input as object.union(
		_snapshot(_reversible, {"migration": _counts(1, 0)}),
		testing.attested("4.2.3#2", "DevOps Lead", {}),
	)
	c := testing.criterion(r, "Rollback procedures verified")
	c.verdict == "pass"
	c.assurance == "attested"
}

test_integrity_fails_and_passes_from_tests if {
	failing := database_migrations.report with input as _snapshot(_reversible, {"integrity": _counts(1, 1)})
	testing.verdict(failing, "Data integrity checks passed") == "fail"
	contains(testing.criterion(failing, "Data integrity checks passed").message, "tests on data integrity: 1 failed")
	passing := database_migrations.report with input as _snapshot(_reversible, _all_pass)
	testing.criterion(passing, "Data integrity checks passed").message == "2 test(s) on data integrity passed"
}

test_integrity_pending_without_integrity_tests if {
	r := database_migrations.report with input as _snapshot(_reversible, {"migration": _counts(1, 0)})
	testing.verdict(r, "Data integrity checks passed") == "pending"
	contains(testing.criterion(r, "Data integrity checks passed").message, "Engineering Lead")
}

test_fails_when_migrations_run_without_backup if {
	r := database_migrations.report with input as _snapshot(_reversible, _all_pass)
		with data.gonogo.lib.pipelines.migrations_run as _runs(false)
	c := testing.criterion(r, "Backup taken before migration")
	c.verdict == "fail"
	c.message == "migrations run with no backup step before them: .github/workflows/deploy.yml:30"
}

test_subject_words_from_settings_are_named if {
	r := database_migrations.report with input as object.union(
		_snapshot(_reversible, {}),
		{"settings": {"thresholds": {"tests.subject.migration": "schema_change"}}},
	)
	contains(testing.criterion(r, "Migration scripts tested").message, "migrations (tests.subject.migration \"schema_change\")")
}

test_not_applicable_without_database if {
	r := database_migrations.report with input as {"context": {"has_database": false}}
	contains(testing.criterion(r, "Migration scripts tested").message, "has_database is false")
	contains(testing.criterion(r, "Backup taken before migration").message, "has_database is false")
}
