# METADATA
# title: "Backup Testing:"
# description: >-
#   Checklist item 5.1.3 (5.1 Backup Strategy). Decided from a restore procedure document and
#   the restore drills that ran (operations.drills.restores: Velero Restores, drill records,
#   JUnit restore tests): the latest finished drill's outcome, the latest successful drill's
#   measured duration (RTO) and the age of its restore point (RPO). A DevOps Lead attestation
#   with values rto_minutes / rpo_hours decides RTO and RPO when no drill measured them.
# custom:
#   id: "5.1.3"
#   section: "5.1 Backup Strategy"
#   severity: critical
#   commit_independent: true
#   criteria:
#     - "Restore procedure documented"
#     - "Restore test completed successfully"
#     - "Recovery time validated (RTO < 1 hour)"
#     - "Data loss window acceptable (RPO < 24 hours)"
#   attested_by:
#     "Restore test completed successfully": DevOps Lead
#   evidence:
#     - operations.documents
#     - operations.drills
#     - operations.pipelines
#     - attestations
#   thresholds:
#     - name: backup.rto_max_minutes
#       default: 60
#       unit: minutes
#       description: Longest measured restore (recovery time) accepted.
#     - name: backup.rpo_max_hours
#       default: 24
#       unit: hours
#       description: Oldest restore point accepted when a restore drill began (data-loss window).
#   remediation: >-
#     Write the restore procedure (numbered steps), run a restore drill (velero restore create,
#     or a drill script that writes a gonogo drill record with tool and run_id) and keep its
#     output (`velero restore get -o json`, the record, or the JUnit report) in the repository;
#     or have the DevOps Lead attest the drill with its measured rto_minutes and rpo_hours.
package gonogo.items.backup.backup_strategy.backup_testing

import data.gonogo.lib.attestations
import data.gonogo.lib.documents
import data.gonogo.lib.pipelines
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

criteria["Restore procedure documented"] := documents.procedure("restore_procedure", "restore procedure")

criteria["Restore test completed successfully"] := restore_outcome

criteria["Recovery time validated (RTO < 1 hour)"] := _measure(_rto, _restores, _unreadable, _collected)

criteria["Data loss window acceptable (RPO < 24 hours)"] := _measure(_rpo, _restores, _unreadable, _collected)

_rto := {
	"field": "duration_seconds", "seconds": 60, "value": "rto_minutes", "cover": "5.1.3#3",
	"name": "backup.rto_max_minutes", "maximum": result.threshold("backup.rto_max_minutes", 60),
	"label": "recovery time", "unit": "minutes",
}

_rpo := {
	"field": "restore_point_age_seconds", "seconds": 3600, "value": "rpo_hours", "cover": "5.1.3#4",
	"name": "backup.rpo_max_hours", "maximum": result.threshold("backup.rpo_max_hours", 24),
	"label": "restore point age", "unit": "hours",
}

default _collected := false

_collected if input.operations.drills

_restores := object.get(input, ["operations", "drills", "restores"], {})

_unreadable := object.get(input, ["operations", "drills", "unreadable", "restores"], [])

_finished := {"succeeded", "partially_failed", "failed"}

# The finished drills, dated by `at` (undated ones sort first, as the oldest).
_done[key] := object.get(r, "at", "") if {
	some key, r in _restores
	r.outcome in _finished
}

_latest_at := max({at | some at in _done})

# The latest finished drills (several when they share a time).
_latest contains key if {
	some key, at in _done
	at == _latest_at
}

_failed_latest contains key if {
	some key in _latest
	_restores[key].outcome != "succeeded"
}

_label(r) := sprintf("%s %s", [r.kind, r.name])

# Restore drills scheduled in CI (the pipelines collector's restore_drill class): a schedule is
# not a result, so it only says where the missing result would come from.
default _scheduled := ""

_scheduled := sprintf(
	"; a restore drill is scheduled in CI (%s): keep its output in the repository",
	[concat(", ", sort(pipelines.scheduled_jobs_of_class("restore_drill")))],
) if {
	count(pipelines.scheduled_jobs_of_class("restore_drill")) > 0
}

_pending_drill := "a restore drill that finished: a Velero Restore (velero restore get -o json), a gonogo drill record or a JUnit restore test"

_unreadable_error(files) := result.error(
	sprintf("restore drill evidence recognised but unreadable: %s", [concat(", ", files)]),
	files,
)

_outcome_word(r) := sprintf("%s (%d errors)", [r.outcome, r.errors]) if {
	is_number(r.errors)
	r.errors > 0
} else := r.outcome

# METADATA
# description: The latest finished restore drill's outcome (a failed or partially failed one fails).
restore_outcome := result.pending(concat("", [_pending_drill, _scheduled])) if {
	not _collected
} else := _unreadable_error(_unreadable) if {
	count(_unreadable) > 0
} else := result.pending(sprintf("%s (%d drill(s) collected, none finished)%s", [_pending_drill, count(_restores), _scheduled])) if {
	count(_done) == 0
} else := result.fail(
	concat("; ", sort([sprintf("latest restore drill %s: %s", [_label(_restores[key]), _outcome_word(_restores[key])]) |
		some key in _failed_latest
	])),
	sort([_restores[key].provenance.ref | some key in _failed_latest]),
) if {
	count(_failed_latest) > 0
} else := _passed(sprintf("latest restore drill %s succeeded%s%s", [_label(r), _when(r), _typed(r)]), r) if {
	some key in _latest
	r := _restores[key]
}

_when(r) := sprintf(" at %s", [r.at]) if {
	r.at
} else := ""

_typed(r) := "" if {
	r.measured
} else := " (a drill record without tool and run_id)"

_passed(message, r) := result.pass(message, [r.provenance.ref]) if {
	r.measured
} else := result.declared(message, [r.provenance.ref])

# The latest successful drill in restores that measured field, among the measured (level
# true) or the typed (level false) ones; of several at the same time, the largest value.
_latest_timed(restores, field, level) := restores[sort(keys)[0]] if {
	top := max({object.get(r, "at", "") | some r in restores; _usable(r, field, level)})
	worst := max({r[field] | some r in restores; _usable(r, field, level); object.get(r, "at", "") == top})
	keys := {key |
		some key, r in restores
		_usable(r, field, level)
		object.get(r, "at", "") == top
		r[field] == worst
	}
}

_usable(r, field, level) if {
	r.outcome == "succeeded"
	is_number(r[field])
	r.measured == level
}

# The newest verified attestation by the DevOps Lead on 5.1.3 (or on the criterion) that
# carries the measured value.
_attested(spec) := entry if {
	entries := [e |
		some cover in [spec.cover, "5.1.3"]
		some e in attestations.verified_any_subject(cover, "DevOps Lead")
		is_number(e.values[spec.value])
	]
	newest := max({e.issued | some e in entries})
	some entry in entries
	entry.issued == newest
}

# One measured quantity (recovery time, restore point age) against its threshold: from the
# latest successful drill that measured it, else a DevOps Lead attestation with the value,
# else a typed drill record, else pending.
_measure(spec, restores, unreadable, collected) := result.pending(_measure_needs(spec)) if {
	not collected
	not _attested(spec)
} else := _unreadable_error(unreadable) if {
	count(unreadable) > 0
} else := _judge(spec, _latest_timed(restores, spec.field, true)) if {
	_latest_timed(restores, spec.field, true)
} else := _judge_attested(spec, _attested(spec)) if {
	_attested(spec)
} else := _judge(spec, _latest_timed(restores, spec.field, false)) if {
	_latest_timed(restores, spec.field, false)
} else := result.pending(_measure_needs(spec))

_measure_needs(spec) := sprintf(
	"%s%s",
	[
		sprintf("a successful restore drill that measured its %s (Velero Restore and Backup timestamps, a drill record)", [spec.label]),
		sprintf(", or an attestation by the DevOps Lead with %s", [spec.value]),
	],
)

_judge(spec, r) := result.fail(
	sprintf("%s > %v %s (%s)", [_measured(spec, r), spec.maximum, spec.unit, spec.name]),
	[r.provenance.ref],
) if {
	r[spec.field] / spec.seconds > spec.maximum
} else := _passed(sprintf("%s <= %v %s", [_measured(spec, r), spec.maximum, spec.unit]), r)

_measured(spec, r) := sprintf(
	"%s: %s %v %s%s",
	[_label(r), spec.label, round((r[spec.field] / spec.seconds) * 10) / 10, spec.unit, _typed(r)],
)

_judge_attested(spec, entry) := result.fail(
	sprintf(
		"attested by %s (%s): %s %v %s > %v %s (%s)",
		[entry.signer, entry.role, spec.label, entry.values[spec.value], spec.unit, spec.maximum, spec.unit, spec.name],
	),
	[entry.file],
) if {
	entry.values[spec.value] > spec.maximum
} else := object.union(result.attested(entry), {"message": sprintf(
	"attested by %s (%s) until %s: %s %v %s <= %v %s",
	[entry.signer, entry.role, entry.expires, spec.label, entry.values[spec.value], spec.unit, spec.maximum, spec.unit],
)})
