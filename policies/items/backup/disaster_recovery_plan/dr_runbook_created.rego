# METADATA
# title: "DR Runbook Created:"
# description: >-
#   Checklist item 5.2.1 (5.2 Disaster Recovery Plan). Decided from disaster-recovery documents.
# custom:
#   id: "5.2.1"
#   section: "5.2 Disaster Recovery Plan"
#   severity: high
#   criteria:
#     - "Step-by-step recovery procedures"
#     - "Contact information updated"
#     - "Escalation paths defined"
#     - "Communication templates prepared"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Provide disaster-recovery documents so gonogo can verify this item.
package gonogo.items.backup.disaster_recovery_plan.dr_runbook_created

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Step-by-step recovery procedures"] := result.pending("disaster-recovery documents")
criteria["Contact information updated"] := result.pending("disaster-recovery documents")
criteria["Escalation paths defined"] := result.pending("disaster-recovery documents")
criteria["Communication templates prepared"] := result.pending("disaster-recovery documents")
