# METADATA
# title: "Alert Runbooks: Created for all critical alerts"
# description: >-
#   Checklist item 6.3.1 (6.3 Monitoring & Alerting). Decided from Prometheus alerting rules with runbook_url annotations.
# custom:
#   id: "6.3.1"
#   section: "6.3 Monitoring & Alerting"
#   severity: high
#   criteria:
#     - "Created for all critical alerts"
#   evidence:
#     - monitoring.alerts
#   remediation: >-
#     Provide Prometheus alerting rules with runbook_url annotations so gonogo can verify this item.
package gonogo.items.operations.monitoring_alerting.alert_runbooks

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Created for all critical alerts"] := result.pending("Prometheus alerting rules with runbook_url annotations")
