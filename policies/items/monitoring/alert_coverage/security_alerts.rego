# METADATA
# title: "Security Alerts:"
# description: >-
#   Checklist item 3.2.3 (3.2 Alert Coverage). Decided from what Prometheus alerting rules
#   measure, not from their names: the monitoring collector parses every expression with a real
#   PromQL parser (following recording rules), classifies it by what it measures (CPU, memory,
#   free disk, error rate, latency, ...) with the threshold it fires at (normalised: 0.8 and
#   `* 100 > 80` are the same), and routes it through the Alertmanager tree. `classes` below
#   says which alert class serves each criterion and which threshold (custom.thresholds) its
#   alerts must meet. A class is covered when an alert (alerting.is_alert) fires at that
#   threshold or tighter, on the service's own workloads where its selectors name any, and is
#   not known to reach only receivers without an integration; whether alerts reach PagerDuty,
#   Slack or email is 3.1.3's and 6.3.3's, and unknown routing is stated. Each criterion's message is one row of
#   the coverage table (alert, file:line, threshold found, receivers reached); the report
#   carries the table itself in `tables`.
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
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict and its alert-coverage table, built from the criteria below and the METADATA above.
report := object.union(result.item(metadata, criteria), alerting.tables(classes, criteria))

# METADATA
# description: Which alert class serves each criterion, and the threshold (by name) its alerts must meet.
classes := {
	"Authentication failures spike": {"class": "auth_failures"},
	"Rate limit violations": {"class": "rate_limit"},
	"Suspicious IP activity": {"class": "suspicious_ip"},
	"Certificate expiration warnings": {"class": "cert_expiry"},
}

criteria[text] := alerting.coverage(spec, _limits) if some text, spec in classes

_limits := {}
