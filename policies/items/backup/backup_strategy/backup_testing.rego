# METADATA
# title: "Backup Testing:"
# description: >-
#   Checklist item 5.1.3 (5.1 Backup Strategy). Decided from a restore procedure and a restore-test attestation.
# custom:
#   id: "5.1.3"
#   section: "5.1 Backup Strategy"
#   severity: critical
#   criteria:
#     - "Restore procedure documented"
#     - "Restore test completed successfully"
#     - "Recovery time validated (RTO < 1 hour)"
#     - "Data loss window acceptable (RPO < 24 hours)"
#   evidence:
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide a restore procedure and a restore-test attestation so gonogo can verify this item.
package gonogo.items.backup.backup_strategy.backup_testing

import data.gonogo.lib.documents
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Restore procedure documented"] := documents.procedure("restore_procedure", "restore procedure")
criteria["Restore test completed successfully"] := result.pending("a restore-test attestation")
criteria["Recovery time validated (RTO < 1 hour)"] := result.pending("a restore-test attestation with the measured recovery time")
criteria["Data loss window acceptable (RPO < 24 hours)"] := result.pending("a restore-test attestation with the measured data-loss window")
