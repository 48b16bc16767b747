# METADATA
# title: "Infrastructure Alerts:"
# description: >-
#   Checklist item 3.2.1 (3.2 Alert Coverage). Decided from Prometheus alerting rules.
# custom:
#   id: "3.2.1"
#   section: "3.2 Alert Coverage"
#   severity: critical
#   criteria:
#     - "High CPU usage (>80%)"
#     - "High memory usage (>85%)"
#     - "Disk space critical (<10%)"
#     - "Pod restart loops"
#   evidence:
#     - monitoring.alerts
#   remediation: >-
#     Provide Prometheus alerting rules so gonogo can verify this item.
package gonogo.items.monitoring.alert_coverage.infrastructure_alerts

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["High CPU usage (>80%)"] := result.pending("Prometheus alerting rules")
criteria["High memory usage (>85%)"] := result.pending("Prometheus alerting rules")
criteria["Disk space critical (<10%)"] := result.pending("Prometheus alerting rules")
criteria["Pod restart loops"] := result.pending("Prometheus alerting rules")
