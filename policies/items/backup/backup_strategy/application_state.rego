# METADATA
# title: "Application State:"
# description: >-
#   Checklist item 5.1.2 (5.1 Backup Strategy). Decided from backup schedules (Velero, CronJobs) or managed-database settings.
# custom:
#   id: "5.1.2"
#   section: "5.1 Backup Strategy"
#   severity: high
#   criteria:
#     - "Persistent volumes backed up"
#     - "Redis snapshots configured (if using)"
#     - "Configuration backups automated"
#   evidence:
#     - kubernetes.backups
#     - infrastructure.databases
#   remediation: >-
#     Provide backup schedules (Velero, CronJobs) or managed-database settings so gonogo can verify this item.
package gonogo.items.backup.backup_strategy.application_state

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Persistent volumes backed up"] := result.pending("backup schedules (Velero, CronJobs) or managed-database settings")
criteria["Redis snapshots configured (if using)"] := result.pending("backup schedules (Velero, CronJobs) or managed-database settings")
criteria["Configuration backups automated"] := result.pending("backup schedules (Velero, CronJobs) or managed-database settings")
