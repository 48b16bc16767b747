package gonogo.items.backup.backup_strategy.database_backups_test

import data.gonogo.items.backup.backup_strategy.database_backups as backups
import data.gonogo.lib.testing

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
	testing.criterion(r, "Backup retention: 30 days").evidence == ["pg.yaml:1"]
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
	contains(testing.criterion(r, "Automated daily backups configured").message, "database data/shop-db (pg.yaml:1): backups every 168h > 24h")
	contains(testing.criterion(r, "Backup retention: 30 days").message, "retention 7 days < 30")
	contains(testing.criterion(r, "Point-in-time recovery enabled").message, "point-in-time recovery not enabled")
	contains(testing.criterion(r, "Backup location: Off-site storage (S3/GCS)").message, "not shown off-site")
	contains(testing.criterion(r, "Backup encryption enabled").message, "backup encryption not shown")
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
	testing.criterion(r, "Automated daily backups configured").message == "database data/shop-db (pg.yaml:1): no automated backup found"
	contains(testing.criterion(r, "Backup retention: 30 days").message, "retention not declared (no backup)")
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
	contains(testing.criterion(r, "Backup encryption enabled").message, "1 by the storage provider's default encryption")
}

test_not_applicable_without_database if {
	no_db := {"context": {"has_database": false}, "kubernetes": {"databases": {}}}
	r := backups.report with input as object.union(no_db, testing.attested("context.has_database=false", "Product Manager", {}))
	r.verdict == "not_applicable"
	typed := backups.report with input as no_db
	typed.verdict == "pending"
}
