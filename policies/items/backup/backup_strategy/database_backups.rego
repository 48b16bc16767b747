# METADATA
# title: "Database Backups:"
# description: >-
#   Checklist item 5.1.1 (5.1 Backup Strategy). Decided from backup schedules (Velero, CronJobs) or managed-database settings.
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
#     - kubernetes.backups
#     - infrastructure.databases
#   remediation: >-
#     Provide backup schedules (Velero, CronJobs) or managed-database settings so gonogo can verify this item.
package gonogo.items.backup.backup_strategy.database_backups

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Automated daily backups configured"] := result.pending("backup schedules (Velero, CronJobs) or managed-database settings")
criteria["Point-in-time recovery enabled"] := result.pending("backup schedules (Velero, CronJobs) or managed-database settings")
criteria["Backup retention: 30 days"] := result.pending("backup schedules (Velero, CronJobs) or managed-database settings")
criteria["Backup location: Off-site storage (S3/GCS)"] := result.pending("backup schedules (Velero, CronJobs) or managed-database settings")
criteria["Backup encryption enabled"] := result.pending("backup schedules (Velero, CronJobs) or managed-database settings")
