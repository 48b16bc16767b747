# METADATA
# title: "Business Alerts:"
# description: >-
#   Checklist item 3.2.4 (3.2 Alert Coverage). Decided from Prometheus alerting rules.
# custom:
#   id: "3.2.4"
#   section: "3.2 Alert Coverage"
#   severity: medium
#   criteria:
#     - "Payment processing failures"
#     - "Subscription cancellations"
#     - "Usage quota exceeded"
#   evidence:
#     - monitoring.alerts
#   remediation: >-
#     Provide Prometheus alerting rules so gonogo can verify this item.
package gonogo.items.monitoring.alert_coverage.business_alerts

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Payment processing failures"] := result.pending("Prometheus alerting rules")
criteria["Subscription cancellations"] := result.pending("Prometheus alerting rules")
criteria["Usage quota exceeded"] := result.pending("Prometheus alerting rules")
