package gonogo.items.backup.backup_strategy.backup_testing_test

import data.gonogo.items.backup.backup_strategy.backup_testing
import data.gonogo.lib.testing

_procedure := testing.documents_snapshot({"restore_procedure": [
	testing.document("restore_procedure", "docs/restore.md", {"steps": 5}),
]})

_restore(name, outcome, at, minutes, age_hours) := {
	"source": "velero",
	"kind": "Restore",
	"name": name,
	"outcome": outcome,
	"phase": "Completed",
	"started": at,
	"finished": at,
	"at": at,
	"duration_seconds": minutes * 60,
	"backup": "nightly-20261101",
	"schedule": null,
	"restore_point": null,
	"restore_point_age_seconds": age_hours * 3600,
	"errors": 0,
	"target": null,
	"measured": true,
	"tool": "velero",
	"run_id": "6d1c",
	"provenance": {"collector": "drills", "file": "drills/restores.json", "ref": sprintf("drills/restores.json:%s", [name])},
}

_drills(restores) := {"operations": {"drills": {
	"restores": restores,
	"failovers": {},
	"unreadable": {"restores": [], "failovers": []},
}}}

_with(restores) := object.union(_procedure, _drills(restores))

_good := _restore("drill-1101", "succeeded", "2026-11-01T03:22:00Z", 22, 6)

test_passes_on_a_measured_restore_within_rto_and_rpo if {
	r := backup_testing.report with input as _with({"velero/drill-1101": _good})
	r.verdict == "pass"
	testing.all_criteria(r, "pass")
	contains(testing.criterion(r, "Restore test completed successfully").message, "Restore drill-1101 succeeded")
	contains(testing.criterion(r, "Recovery time validated (RTO < 1 hour)").message, "recovery time 22 minutes <= 60 minutes")
	contains(testing.criterion(r, "Data loss window acceptable (RPO < 24 hours)").message, "restore point age 6 hours <= 24 hours")
}

test_fails_when_the_restore_took_longer_than_the_rto if {
	slow := object.union(_good, {"duration_seconds": 95 * 60})
	r := backup_testing.report with input as _with({"velero/drill-1101": slow})
	r.verdict == "fail"
	c := testing.criterion(r, "Recovery time validated (RTO < 1 hour)")
	c.verdict == "fail"
	contains(c.message, "recovery time 95 minutes > 60 minutes (backup.rto_max_minutes)")
	c.evidence == ["drills/restores.json:drill-1101"]
	testing.verdict(r, "Restore test completed successfully") == "pass"
}

test_rto_threshold_comes_from_settings if {
	slow := object.union(_good, {"duration_seconds": 95 * 60})
	snapshot := object.union(_with({"velero/drill-1101": slow}), {"settings": {"thresholds": {"backup.rto_max_minutes": 120}}})
	r := backup_testing.report with input as snapshot
	testing.verdict(r, "Recovery time validated (RTO < 1 hour)") == "pass"
}

test_fails_when_the_restore_point_is_too_old if {
	stale := object.union(_good, {"restore_point_age_seconds": 30 * 3600})
	r := backup_testing.report with input as _with({"velero/drill-1101": stale})
	c := testing.criterion(r, "Data loss window acceptable (RPO < 24 hours)")
	c.verdict == "fail"
	contains(c.message, "restore point age 30 hours > 24 hours (backup.rpo_max_hours)")
}

test_fails_when_the_latest_restore_partially_failed if {
	broken := object.union(
		_restore("drill-1115", "partially_failed", "2026-11-15T03:10:00Z", 10, 2),
		{"errors": 3},
	)
	r := backup_testing.report with input as _with({"velero/drill-1101": _good, "velero/drill-1115": broken})
	r.verdict == "fail"
	c := testing.criterion(r, "Restore test completed successfully")
	c.verdict == "fail"
	contains(c.message, "latest restore drill Restore drill-1115: partially_failed (3 errors)")
	c.evidence == ["drills/restores.json:drill-1115"]
}

test_an_older_failure_does_not_fail_a_later_success if {
	failed := _restore("drill-1020", "failed", "2026-10-20T03:10:00Z", 10, 2)
	r := backup_testing.report with input as _with({"velero/drill-1020": failed, "velero/drill-1101": _good})
	testing.verdict(r, "Restore test completed successfully") == "pass"
}

test_pending_when_restores_are_still_running if {
	running := object.union(_good, {"outcome": "in_progress", "at": null, "finished": null, "duration_seconds": null})
	r := backup_testing.report with input as _with({"velero/drill-1101": running})
	c := testing.criterion(r, "Restore test completed successfully")
	c.verdict == "pending"
	contains(c.message, "1 drill(s) collected, none finished")
	testing.verdict(r, "Recovery time validated (RTO < 1 hour)") == "pending"
}

test_a_typed_drill_record_only_declares_on_a_critical_item if {
	typed := object.union(_good, {"source": "drill_record", "kind": "DrillRecord", "measured": false, "tool": null, "run_id": null})
	r := backup_testing.report with input as _with({"drills/record.json": typed})
	r.verdict == "pending"
	c := testing.criterion(r, "Recovery time validated (RTO < 1 hour)")
	c.verdict == "pending"
	contains(c.message, "declared only")
	contains(c.message, "without tool and run_id")
}

test_a_typed_drill_record_still_fails if {
	typed := object.union(_good, {"kind": "DrillRecord", "measured": false, "duration_seconds": 7200})
	r := backup_testing.report with input as _with({"drills/record.json": typed})
	testing.verdict(r, "Recovery time validated (RTO < 1 hour)") == "fail"
}

test_attested_values_decide_without_drills if {
	snapshot := object.union(_procedure, testing.attested("5.1.3", "DevOps Lead", {"rto_minutes": 45, "rpo_hours": 4}))
	r := backup_testing.report with input as snapshot
	r.verdict == "pass"
	c := testing.criterion(r, "Recovery time validated (RTO < 1 hour)")
	c.assurance == "attested"
	contains(c.message, "recovery time 45 minutes <= 60 minutes")
	testing.criterion(r, "Restore test completed successfully").assurance == "attested"
	contains(testing.criterion(r, "Data loss window acceptable (RPO < 24 hours)").message, "restore point age 4 hours")
}

test_attested_rto_over_the_threshold_fails if {
	snapshot := object.union(_procedure, testing.attested("5.1.3#3", "DevOps Lead", {"rto_minutes": 95}))
	r := backup_testing.report with input as snapshot
	c := testing.criterion(r, "Recovery time validated (RTO < 1 hour)")
	c.verdict == "fail"
	contains(c.message, "recovery time 95 minutes > 60 minutes")
	testing.verdict(r, "Data loss window acceptable (RPO < 24 hours)") == "pending"
}

test_a_measured_drill_wins_over_an_attestation if {
	slow := object.union(_good, {"duration_seconds": 95 * 60})
	snapshot := object.union(_with({"velero/drill-1101": slow}), testing.attested("5.1.3", "DevOps Lead", {"rto_minutes": 30}))
	r := backup_testing.report with input as snapshot
	testing.verdict(r, "Recovery time validated (RTO < 1 hour)") == "fail"
}

test_an_attestation_by_another_role_does_not_count if {
	snapshot := object.union(_procedure, testing.attested("5.1.3", "Product Manager", {"rto_minutes": 30}))
	r := backup_testing.report with input as snapshot
	testing.verdict(r, "Recovery time validated (RTO < 1 hour)") == "pending"
	testing.verdict(r, "Restore test completed successfully") == "pending"
}

test_error_when_a_drill_file_is_unreadable if {
	snapshot := object.union(_with({"velero/drill-1101": _good}), {"operations": {"drills": {"unreadable": {"restores": ["drills/broken.json"]}}}})
	r := backup_testing.report with input as snapshot
	r.verdict == "error"
	c := testing.criterion(r, "Restore test completed successfully")
	c.verdict == "error"
	contains(c.message, "drills/broken.json")
}

test_nothing_to_judge_when_restore_procedure_missing if {
	r := backup_testing.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "no restore procedure (")
}

test_a_heading_without_steps_is_not_a_procedure if {
	empty := testing.documents_snapshot({"restore_procedure": [
		testing.document("restore_procedure", "docs/restore.md", {"steps": 0}),
	]})
	r := backup_testing.report with input as empty
	c := testing.criterion(r, "Restore procedure documented")
	c.verdict == "fail"
	contains(c.message, "0 numbered steps < 3")
}

test_pending_when_procedure_documented_but_untested if {
	r := backup_testing.report with input as _procedure
	r.verdict == "pending"
	contains(testing.criterion(r, "Restore test completed successfully").message, "a restore drill that finished")
	contains(testing.criterion(r, "Recovery time validated (RTO < 1 hour)").message, "attestation by the DevOps Lead with rto_minutes")
}

test_pending_without_documents_collector if {
	r := backup_testing.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}

test_a_scheduled_restore_drill_is_named_but_stays_pending if {
	job := {
		"scheduled": true,
		"classes": ["restore_drill"],
		"steps": [],
		"provenance": {"collector": "pipelines", "file": ".github/workflows/drill.yml", "ref": ".github/workflows/drill.yml:9"},
	}
	pipeline := {"operations": {"pipelines": {"files": {".github/workflows/drill.yml": {"jobs": {"restore-drill": job}}}}}}
	r := backup_testing.report with input as object.union(_procedure, pipeline)
	c := testing.criterion(r, "Restore test completed successfully")
	c.verdict == "pending"
	contains(c.message, "a restore drill is scheduled in CI (.github/workflows/drill.yml:9)")
}
