# METADATA
# title: "AlertManager: Alert routing configured"
# description: >-
#   Checklist item 3.1.3 (3.1 Monitoring Infrastructure). Decided from Alertmanager configuration.
# custom:
#   id: "3.1.3"
#   section: "3.1 Monitoring Infrastructure"
#   severity: critical
#   criteria:
#     - "PagerDuty integration ready"
#     - "Slack notifications active"
#     - "Email alerts configured"
#   evidence:
#     - monitoring.alertmanager
#   remediation: >-
#     Provide Alertmanager configuration so gonogo can verify this item.
package gonogo.items.monitoring.monitoring_infrastructure.alertmanager

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["PagerDuty integration ready"] := result.pending("Alertmanager configuration")
criteria["Slack notifications active"] := result.pending("Alertmanager configuration")
criteria["Email alerts configured"] := result.pending("Alertmanager configuration")
