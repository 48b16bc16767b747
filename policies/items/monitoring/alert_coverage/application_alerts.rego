# METADATA
# title: "Application Alerts:"
# description: >-
#   Checklist item 3.2.2 (3.2 Alert Coverage). Decided from Prometheus alerting rules.
# custom:
#   id: "3.2.2"
#   section: "3.2 Alert Coverage"
#   severity: critical
#   criteria:
#     - "Error rate spike (>1%)"
#     - "Response time degradation (p95 >100ms)"
#     - "API endpoint failures"
#     - "Database connection issues"
#   evidence:
#     - monitoring.alerts
#   remediation: >-
#     Provide Prometheus alerting rules so gonogo can verify this item.
package gonogo.items.monitoring.alert_coverage.application_alerts

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Error rate spike (>1%)"] := result.pending("Prometheus alerting rules")
criteria["Response time degradation (p95 >100ms)"] := result.pending("Prometheus alerting rules")
criteria["API endpoint failures"] := result.pending("Prometheus alerting rules")
criteria["Database connection issues"] := result.pending("Prometheus alerting rules")
