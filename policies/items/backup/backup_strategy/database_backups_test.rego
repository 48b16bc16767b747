package gonogo.items.backup.backup_strategy.database_backups_test

import data.gonogo.items.backup.backup_strategy.database_backups as backups

_criterion(r, text) := c if {
	some c in r.criteria
	c.text == text
}

_backup := {
	"sources": ["pg.yaml:1"], "via": ["cloudnative-pg barmanObjectStore"], "interval_hours": 24,
	"pitr": true, "retention_days": 30, "offsite": true, "encrypted": true,
}

_db(backup) := {
	"name": "shop-db",
	"namespace": "data",
	"engine": "postgresql",
	"backup": backup,
	"provenance": {"ref": "pg.yaml:1"},
}

_input(backup) := {"kubernetes": {"databases": {"Cluster/data/shop-db": _db(backup)}}}

test_pending_without_evidence if {
	r := backups.report with input as {}
	r.verdict == "pending"
}

test_daily_pitr_offsite_encrypted_passes if {
	r := backups.report with input as _input(_backup)
	r.verdict == "pass"
	_criterion(r, "Backup retention: 30 days").evidence == ["pg.yaml:1"]
}

test_weekly_short_retention_fails if {
	b := object.union(_backup, {
		"interval_hours": 168,
		"retention_days": 7,
		"pitr": false,
		"offsite": false,
		"encrypted": false,
	})
	r := backups.report with input as _input(b)
	r.verdict == "fail"
	contains(_criterion(r, "Automated daily backups configured").message, "database data/shop-db (pg.yaml:1): backups every 168h > 24h")
	contains(_criterion(r, "Backup retention: 30 days").message, "retention 7 days < 30")
	contains(_criterion(r, "Point-in-time recovery enabled").message, "point-in-time recovery not enabled")
	contains(_criterion(r, "Backup location: Off-site storage (S3/GCS)").message, "not shown off-site")
	contains(_criterion(r, "Backup encryption enabled").message, "backup encryption not shown")
}

test_no_backup_at_all_fails if {
	b := {
		"sources": [],
		"via": [],
		"interval_hours": null,
		"pitr": null,
		"retention_days": null,
		"offsite": null,
		"encrypted": null,
	}
	r := backups.report with input as _input(b)
	_criterion(r, "Automated daily backups configured").message == "database data/shop-db (pg.yaml:1): no automated backup found"
	contains(_criterion(r, "Backup retention: 30 days").message, "retention not declared (no backup)")
}

test_managed_database_and_threshold if {
	rds := {
		"address": "aws_db_instance.main",
		"engine": "postgresql",
		"backup": object.union(_backup, {"retention_days": 14, "encrypted": "provider_default"}),
		"provenance": {"ref": "plan.json:aws_db_instance.main"},
	}
	inp := {
		"infrastructure": {"databases": {"aws_db_instance.main": rds}},
		"settings": {"thresholds": {"backup.retention_days": 14}},
	}
	r := backups.report with input as inp
	r.verdict == "pass"
	contains(_criterion(r, "Backup encryption enabled").message, "1 by the storage provider's default encryption")
}

test_not_applicable_without_database if {
	r := backups.report with input as {"context": {"has_database": false}, "kubernetes": {"databases": {}}}
	r.verdict == "not_applicable"
}
