# METADATA
# title: "Database Backups:"
# description: >-
#   Checklist item 5.1.1 (5.1 Backup Strategy). Judged per database (operator clusters, database
#   StatefulSets, Terraform managed databases; caches excluded). The collector joins each database
#   with its backups - operator backups (CNPG barmanObjectStore/ScheduledBackup/ObjectStore,
#   Crunchy pgBackRest, Zalando logical backups), Velero Schedules covering its namespace (with
#   their BackupStorageLocation), backup CronJobs in its namespace, managed automated backups -
#   and keeps the strongest value of each: shortest interval, PITR, longest retention, off-site,
#   encryption. Cron schedules are evaluated by their real longest gap between runs.
# custom:
#   id: "5.1.1"
#   section: "5.1 Backup Strategy"
#   severity: critical
#   criteria:
#     - "Automated daily backups configured"
#     - "Point-in-time recovery enabled"
#     - "Backup retention: 30 days"
#     - "Backup location: Off-site storage (S3/GCS)"
#     - "Backup encryption enabled"
#   evidence:
#     - kubernetes.databases
#     - kubernetes.backups
#     - infrastructure.databases
#   remediation: >-
#     Back up every database at least daily (backup.max_interval_hours, default 24) to object
#     storage in another failure domain (S3/GCS/Azure), with WAL archiving or managed PITR, retention
#     of at least 30 days (backup.retention_days) and encryption (SSE/KMS or pgBackRest/barman
#     encryption). Set context.has_database to false if the service has no database.
#   thresholds:
#     - name: backup.max_interval_hours
#       default: 24
#       unit: hours
#       description: Longest interval between database backups accepted.
#     - name: backup.retention_days
#       default: 30
#       unit: days
#       description: Shortest backup retention accepted.
package gonogo.items.backup.backup_strategy.database_backups

import data.gonogo.lib.kubernetes as k8s
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

default _collected := false

_collected if k8s.collected

_collected if k8s.infra_collected

databases := k8s.databases

max_interval := result.threshold("backup.max_interval_hours", 24)

min_retention := result.threshold("backup.retention_days", 30)

_needs := "database and backup objects in manifests, a live cluster or a Terraform plan"

_none := "database to back up"

_name(d) := sprintf("database %s (%s)", [k8s.label(d), k8s.ref(d)])

_via(d) := concat(", ", d.backup.via) if count(d.backup.via) > 0

_via(d) := "no backup" if count(d.backup.via) == 0

daily_problems contains {"message": sprintf("%s: no automated backup found", [_name(d)]), "ref": k8s.ref(d)} if {
	some d in databases
	count(d.backup.sources) == 0
}

daily_problems contains {"message": msg, "ref": k8s.ref(d)} if {
	some d in databases
	count(d.backup.sources) > 0
	d.backup.interval_hours == null
	msg := sprintf("%s: backups (%s) have no schedule", [_name(d), _via(d)])
}

daily_problems contains {"message": msg, "ref": k8s.ref(d)} if {
	some d in databases
	is_number(d.backup.interval_hours)
	d.backup.interval_hours > max_interval
	msg := sprintf("%s: backups every %vh > %vh (%s)", [_name(d), d.backup.interval_hours, max_interval, _via(d)])
}

criteria["Automated daily backups configured"] := result.unless_false("has_database", k8s.judge(
	_collected, _needs, databases, _none, daily_problems,
	sprintf("%d database(s) backed up at least every %vh", [count(databases), max_interval]),
))

pitr_problems contains {"message": sprintf("%s: point-in-time recovery not enabled (%s)", [_name(d), _via(d)]), "ref": k8s.ref(d)} if {
	some d in databases
	d.backup.pitr != true
}

criteria["Point-in-time recovery enabled"] := result.unless_false("has_database", k8s.judge(
	_collected, _needs, databases, _none, pitr_problems,
	sprintf("PITR on %d database(s)", [count(databases)]),
))

retention_problems contains {"message": sprintf("%s: retention not declared (%s)", [_name(d), _via(d)]), "ref": k8s.ref(d)} if {
	some d in databases
	d.backup.retention_days == null
}

retention_problems contains {"message": msg, "ref": k8s.ref(d)} if {
	some d in databases
	is_number(d.backup.retention_days)
	d.backup.retention_days < min_retention
	msg := sprintf("%s: retention %v days < %v (%s)", [_name(d), d.backup.retention_days, min_retention, _via(d)])
}

criteria["Backup retention: 30 days"] := result.unless_false("has_database", k8s.judge(
	_collected, _needs, databases, _none, retention_problems,
	sprintf("retention >= %v days on %d database(s)", [min_retention, count(databases)]),
))

offsite_problems contains {"message": sprintf("%s: backups not shown off-site (%s)", [_name(d), _via(d)]), "ref": k8s.ref(d)} if {
	some d in databases
	d.backup.offsite != true
}

criteria["Backup location: Off-site storage (S3/GCS)"] := result.unless_false("has_database", k8s.judge(
	_collected, _needs, databases, _none, offsite_problems,
	sprintf("off-site object storage for %d database(s)", [count(databases)]),
))

encryption_problems contains {"message": sprintf("%s: backup encryption not shown (%s)", [_name(d), _via(d)]), "ref": k8s.ref(d)} if {
	some d in databases
	not d.backup.encrypted in {true, "provider_default"}
}

_provider_default := [k8s.label(d) | some d in databases; d.backup.encrypted == "provider_default"]

criteria["Backup encryption enabled"] := result.unless_false("has_database", k8s.judge(
	_collected, _needs, databases, _none, encryption_problems,
	sprintf("backups encrypted for %d database(s) (%d by the storage provider's default encryption)", [count(databases), count(_provider_default)]),
))
