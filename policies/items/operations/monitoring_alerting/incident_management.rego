# METADATA
# title: "Incident Management: Tool selected (Jira/GitHub)"
# description: >-
#   Checklist item 6.3.5 (6.3 Monitoring & Alerting). Decided from operations records.
# custom:
#   id: "6.3.5"
#   section: "6.3 Monitoring & Alerting"
#   severity: low
#   criteria:
#     - "Tool selected (Jira/GitHub)"
#   evidence:
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide operations records so gonogo can verify this item.
package gonogo.items.operations.monitoring_alerting.incident_management

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Tool selected (Jira/GitHub)"] := result.pending("operations records")
