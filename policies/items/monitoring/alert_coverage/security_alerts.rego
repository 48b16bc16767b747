# METADATA
# title: "Security Alerts:"
# description: >-
#   Checklist item 3.2.3 (3.2 Alert Coverage). Decided from Prometheus alerting rules.
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
#   remediation: >-
#     Provide Prometheus alerting rules so gonogo can verify this item.
package gonogo.items.monitoring.alert_coverage.security_alerts

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Authentication failures spike"] := result.pending("Prometheus alerting rules")
criteria["Rate limit violations"] := result.pending("Prometheus alerting rules")
criteria["Suspicious IP activity"] := result.pending("Prometheus alerting rules")
criteria["Certificate expiration warnings"] := result.pending("Prometheus alerting rules")
