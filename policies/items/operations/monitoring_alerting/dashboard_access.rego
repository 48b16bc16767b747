# METADATA
# title: "Dashboard Access: Team has Grafana credentials"
# description: >-
#   Checklist item 6.3.2 (6.3 Monitoring & Alerting). Decided from operations records.
# custom:
#   id: "6.3.2"
#   section: "6.3 Monitoring & Alerting"
#   severity: low
#   criteria:
#     - "Team has Grafana credentials"
#   evidence:
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide operations records so gonogo can verify this item.
package gonogo.items.operations.monitoring_alerting.dashboard_access

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Team has Grafana credentials"] := result.pending("operations records")
