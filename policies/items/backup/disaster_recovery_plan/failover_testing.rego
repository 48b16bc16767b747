# METADATA
# title: "Failover Testing:"
# description: >-
#   Checklist item 5.2.2 (5.2 Disaster Recovery Plan). Decided from the failover drills that ran
#   (operations.drills.failovers: LitmusChaos ChaosResults, Chaos Mesh experiments, drill
#   records, JUnit failover tests), by what each exercised (region, database, dns), and from
#   the failover configuration in Terraform plans (infrastructure.dns_records failover routing
#   and health checks; infrastructure.databases and kubernetes.databases Multi-AZ or replicas,
#   caches left out). Configuration alone says failover is
#   configured, not tested: it can fail a criterion (a failover record without a health check,
#   a database with nothing to fail over to), never pass one.
# custom:
#   id: "5.2.2"
#   section: "5.2 Disaster Recovery Plan"
#   severity: high
#   commit_independent: true
#   criteria:
#     - "Multi-region failover tested (if applicable)"
#     - "Database failover validated"
#     - "DNS failover confirmed"
#   attested_by:
#     "Multi-region failover tested (if applicable)": DevOps Lead
#     "Database failover validated": DevOps Lead
#     "DNS failover confirmed": DevOps Lead
#   evidence:
#     - operations.drills
#     - infrastructure.dns_records
#     - infrastructure.databases
#     - kubernetes.databases
#     - attestations
#   remediation: >-
#     Run failover drills whose outcome is checked (a LitmusChaos experiment with probes, a drill
#     script writing a gonogo drill record with tool and run_id, a JUnit failover test) for the
#     database, DNS and, when multi-region, the region, and keep their results in the
#     repository; give every PRIMARY failover record a health check and a SECONDARY; or have the
#     DevOps Lead attest each drill.
package gonogo.items.backup.disaster_recovery_plan.failover_testing

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

criteria["Multi-region failover tested (if applicable)"] := result.unless_false(
	"multi_region",
	_drill_verdict("region failover", _by_target.region, _unreadable, _collected),
)

criteria["Database failover validated"] := database_failover

criteria["DNS failover confirmed"] := dns_failover

default _collected := false

_collected if input.operations.drills

_failovers := object.get(input, ["operations", "drills", "failovers"], {})

_unreadable := object.get(input, ["operations", "drills", "unreadable", "failovers"], [])

# Failover drills by what they exercised: {"region": {key: drill}, "database": ..., "dns": ...}.
_by_target[target] := {key: f |
	some key, f in _failovers
	f.target == target
} if {
	some target in ["region", "database", "dns"]
}

_checked := {"passed", "failed"}

_label(f) := sprintf("%s %s", [f.kind, f.name])

_typed(f) := "" if {
	f.measured
} else := " (a drill record without tool and run_id)"

_probes(f) := sprintf(", probes %v%% passed", [f.probe_success_percent]) if {
	is_number(f.probe_success_percent)
} else := ""

# The drills whose outcome was checked, latest first by `at` (undated sort as the oldest).
_latest_checked(drills) := {key: f |
	top := max({object.get(d, "at", "") | some d in drills; d.outcome in _checked})
	some key, f in drills
	f.outcome in _checked
	object.get(f, "at", "") == top
}

_pending_needs(what) := sprintf(
	"a %s drill whose outcome was checked: a LitmusChaos ChaosResult verdict, a gonogo drill record or a JUnit failover test",
	[what],
)

# The latest checked drill of one target decides: failed fails, passed passes (measured or
# declared); a Chaos Mesh fault injected without a check, or nothing, is pending.
_drill_verdict(what, drills, unreadable, collected) := result.pending(_pending_needs(what)) if {
	not collected
} else := result.error(
	sprintf("failover drill evidence recognised but unreadable: %s", [concat(", ", unreadable)]),
	unreadable,
) if {
	count(unreadable) > 0
} else := result.fail(
	concat("; ", sort([sprintf("latest %s drill %s failed%s", [what, _label(f), _probes(f)]) | some f in failed])),
	sort([f.provenance.ref | some f in failed]),
) if {
	failed := [f | some f in _latest_checked(drills); f.outcome == "failed"]
	count(failed) > 0
} else := _passed(sprintf("latest %s drill %s passed%s%s", [what, _label(f), _probes(f), _typed(f)]), f) if {
	some f in _latest_checked(drills)
} else := result.pending(sprintf(
	"%s (%s injected a fault and recovered, but nothing checked the service)",
	[_pending_needs(what), concat(", ", sort([_label(f) | some f in drills; f.outcome == "injected"]))],
)) if {
	some f in drills
	f.outcome == "injected"
} else := result.pending(_pending_needs(what))

_passed(message, f) := result.pass(message, [f.provenance.ref]) if {
	f.measured
} else := result.declared(message, [f.provenance.ref])

# Databases (Terraform and Kubernetes facts, caches left out) say which can fail over at all.
_caches := {"redis", "valkey", "memcached"}

_databases[key] := db if {
	some section in ["infrastructure", "kubernetes"]
	some key, db in object.get(input, [section, "databases"], {})
	not lower(db.engine) in _caches
}

_single[key] := db.provenance.ref if {
	some key, db in _databases
	db.instances == 1
	object.get(db, "multi_az", false) == false
	object.get(db, "replica_of", null) == null # a read replica is a standby, not a primary
}

_standby contains key if {
	some key, db in _databases
	db.multi_az == true
}

_standby contains key if {
	some key, db in _databases
	db.instances >= 2
}

# METADATA
# description: >-
#   A database failover drill decides; without one, a database with a single instance and no
#   Multi-AZ standby fails (nothing to fail over to), a Multi-AZ one is configured, not validated.
database_failover := r if {
	r := _drill_verdict("database failover", _by_target.database, _unreadable, _collected)
	r.verdict != "pending"
} else := result.fail(
	sprintf("no failover target: %s: a single instance, no Multi-AZ or regional standby", [concat(", ", sort(object.keys(_single)))]),
	sort([ref | some ref in _single]),
) if {
	count(_single) > 0
} else := result.pending(sprintf(
	"%s; failover is configured (Multi-AZ or replicas: %s) but no drill validated it",
	[_pending_needs("database failover"), concat(", ", sort(_standby))],
)) if {
	count(_standby) > 0
} else := _drill_verdict("database failover", _by_target.database, _unreadable, _collected)

# DNS: failover records in Terraform plans.
_dns := object.get(input, ["infrastructure", "dns_records"], {})

_failover_records[address] := rec if {
	some address, rec in _dns
	is_string(rec.failover_role)
}

_health_checked(rec) if rec.health_checked

_health_checked(rec) if count(object.get(rec, ["references", "health_check_id"], [])) > 0

_pair(rec) := sprintf("%s %s", [rec.name, object.get(rec, "record_type", "")])

_secondaries contains _pair(rec) if {
	some rec in _failover_records
	rec.failover_role == "SECONDARY"
}

_dns_problems contains sprintf("%s: PRIMARY failover record without a health check (health_check_id)", [address]) if {
	some address, rec in _failover_records
	rec.failover_role in {"PRIMARY", "PRIMARY_BACKUP"}
	not _health_checked(rec)
}

_dns_problems contains sprintf("%s: PRIMARY failover record for %s without a SECONDARY", [address, _pair(rec)]) if {
	some address, rec in _failover_records
	rec.failover_role == "PRIMARY"
	not _pair(rec) in _secondaries
}

_dns_refs contains rec.provenance.ref if {
	some address, rec in _failover_records
	some problem in _dns_problems
	startswith(problem, sprintf("%s:", [address]))
}

# METADATA
# description: >-
#   A misconfigured failover record fails (no health check on a PRIMARY, no SECONDARY); else a
#   DNS failover drill decides; records configured but never drilled are pending.
dns_failover := result.error(
	sprintf("failover drill evidence recognised but unreadable: %s", [concat(", ", _unreadable)]),
	_unreadable,
) if {
	count(_unreadable) > 0
} else := result.fail(concat("; ", sort(_dns_problems)), sort(_dns_refs)) if {
	count(_dns_problems) > 0
} else := r if {
	r := _drill_verdict("DNS failover", _by_target.dns, _unreadable, _collected)
	r.verdict != "pending"
} else := result.pending(sprintf(
	"%s; failover routing is configured (%s) but no drill confirmed it",
	[_pending_needs("DNS failover"), concat(", ", sort(object.keys(_failover_records)))],
)) if {
	count(_failover_records) > 0
} else := _drill_verdict("DNS failover", _by_target.dns, _unreadable, _collected)
