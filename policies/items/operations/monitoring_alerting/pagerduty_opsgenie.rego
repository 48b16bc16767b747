# METADATA
# title: "PagerDuty/OpsGenie: Integration tested"
# description: >-
#   Checklist item 6.3.3 (6.3 Monitoring & Alerting). Decided from Alertmanager receivers for PagerDuty or Opsgenie.
# custom:
#   id: "6.3.3"
#   section: "6.3 Monitoring & Alerting"
#   severity: high
#   criteria:
#     - "Integration tested"
#   evidence:
#     - monitoring.alertmanager
#   remediation: >-
#     Provide Alertmanager receivers for PagerDuty or Opsgenie so gonogo can verify this item.
package gonogo.items.operations.monitoring_alerting.pagerduty_opsgenie

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Integration tested"] := result.pending("Alertmanager receivers for PagerDuty or Opsgenie")
