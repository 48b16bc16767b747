# METADATA
# title: "Business Continuity:"
# description: >-
#   Checklist item 5.2.3 (5.2 Disaster Recovery Plan). Decided from disaster-recovery documents.
# custom:
#   id: "5.2.3"
#   section: "5.2 Disaster Recovery Plan"
#   severity: medium
#   criteria:
#     - "Critical workflows identified"
#     - "Recovery priority defined"
#     - "Stakeholder notification plan"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Provide disaster-recovery documents so gonogo can verify this item.
package gonogo.items.backup.disaster_recovery_plan.business_continuity

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Critical workflows identified"] := result.pending("disaster-recovery documents")
criteria["Recovery priority defined"] := result.pending("disaster-recovery documents")
criteria["Stakeholder notification plan"] := result.pending("disaster-recovery documents")
