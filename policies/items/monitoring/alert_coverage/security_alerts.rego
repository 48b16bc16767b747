# METADATA
# title: "Security Alerts:"
# description: >-
#   Checklist item 3.2.3 (3.2 Alert Coverage). Decided from what Prometheus alerting rules
#   measure, not from their names: the monitoring collector parses every expression with a real
#   PromQL parser (following recording rules), classifies it into the seed's alert classes with
#   the threshold it fires at (normalised: 0.8 and `* 100 > 80` are the same), and routes it
#   through the Alertmanager tree. A class is covered when an alert fires at the seed's
#   threshold or tighter (thresholds: alerts.cpu_ratio, alerts.memory_ratio,
#   alerts.disk_free_ratio, alerts.error_rate_ratio, alerts.latency_p95_seconds,
#   alerts.latency_quantile) and reaches a receiver with a configured integration.
#   Each criterion's message is one row of the coverage table: alert, file:line, threshold
#   found, receivers reached.
# custom:
#   id: "3.2.3"
#   section: "3.2 Alert Coverage"
#   severity: high
#   criteria:
#     - "Authentication failures spike"
#     - "Rate limit violations"
#     - "Suspicious IP activity"
#     - "Certificate expiration warnings"
#   evidence:
#     - monitoring.alerts
#     - monitoring.alert_coverage
#     - monitoring.alertmanager
#   remediation: >-
#     Add an alerting rule (plain rule file or PrometheusRule) whose expression measures the
#     missing class at the seed's threshold or tighter, labelled so that the Alertmanager route
#     tree delivers it to a receiver with a PagerDuty, Slack, email or Opsgenie integration.
package gonogo.items.monitoring.alert_coverage.security_alerts

import data.gonogo.items.monitoring.lib.alerting
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Authentication failures spike"] := alerting.coverage("auth_failures")

criteria["Rate limit violations"] := alerting.coverage("rate_limit")

criteria["Suspicious IP activity"] := alerting.coverage("suspicious_ip")

criteria["Certificate expiration warnings"] := alerting.coverage("cert_expiry")
