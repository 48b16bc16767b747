# METADATA
# title: "Infrastructure Alerts:"
# description: >-
#   Checklist item 3.2.1 (3.2 Alert Coverage). Decided from what Prometheus alerting rules
#   measure, not from their names: the monitoring collector parses every expression with a real
#   PromQL parser (following recording rules), classifies it by what it measures (CPU, memory,
#   free disk, error rate, latency, ...) with the threshold it fires at (normalised: 0.8 and
#   `* 100 > 80` are the same), and routes it through the Alertmanager tree. `classes` below
#   says which alert class serves each criterion and which threshold (custom.thresholds) its
#   alerts must meet. A class is covered when an alert (alerting.is_alert) fires at that
#   threshold or tighter but not far tighter, on the service's own workloads where its selectors
#   name any, and is not known to reach only receivers without an integration; whether alerts
#   reach PagerDuty, Slack or email is 3.1.3's and 6.3.3's, and unknown routing is stated. Each criterion's message is one row of
#   the coverage table (alert, file:line, threshold found, receivers reached); the report
#   carries the table itself in `tables`.
# custom:
#   id: "3.2.1"
#   section: "3.2 Alert Coverage"
#   severity: critical
#   criteria:
#     - "High CPU usage (>80%)"
#     - "High memory usage (>85%)"
#     - "Disk space critical (<10%)"
#     - "Pod restart loops"
#   thresholds:
#     - name: alerts.cpu_ratio
#       default: 0.8
#       unit: ratio
#       description: An alert on CPU usage must fire at this ratio of capacity or lower.
#     - name: alerts.memory_ratio
#       default: 0.85
#       unit: ratio
#       description: An alert on memory usage must fire at this ratio of capacity or lower.
#     - name: alerts.disk_free_ratio
#       default: 0.1
#       unit: ratio
#       description: An alert on disk space must fire when free space falls to this ratio or higher.
#     - name: alerts.capacity_far_factor
#       default: 0.5
#       unit: ratio
#       description: >-
#         A CPU, memory or disk alert whose threshold is tighter than this fraction of the figure
#         (CPU below 0.5 x 80 %, free disk above 1 - 0.5 x 90 %) is far from it and is not read as
#         an alert of that class (a CPU alert at 10 % watches something else).
#   evidence:
#     - monitoring.alerts
#     - monitoring.alert_coverage
#     - monitoring.alertmanager
#   remediation: >-
#     Add an alerting rule (plain rule file or PrometheusRule) whose expression measures the
#     missing class at the seed's threshold or tighter, labelled so that the Alertmanager route
#     tree delivers it to a receiver with a PagerDuty, Slack, email or Opsgenie integration.
package gonogo.items.monitoring.alert_coverage.infrastructure_alerts

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
	"High CPU usage (>80%)": {"class": "high_cpu", "threshold": "alerts.cpu_ratio", "far": "alerts.capacity_far_factor"},
	"High memory usage (>85%)": {"class": "high_memory", "threshold": "alerts.memory_ratio", "far": "alerts.capacity_far_factor"},
	"Disk space critical (<10%)": {"class": "disk_space", "threshold": "alerts.disk_free_ratio", "far": "alerts.capacity_far_factor"},
	"Pod restart loops": {"class": "pod_restarts"},
}

criteria[text] := alerting.coverage(spec, _limits) if some text, spec in classes

_defaults := alerting.defaults(rego.metadata.chain())

_limits := {
	"alerts.cpu_ratio": result.threshold("alerts.cpu_ratio", _defaults["alerts.cpu_ratio"]),
	"alerts.memory_ratio": result.threshold("alerts.memory_ratio", _defaults["alerts.memory_ratio"]),
	"alerts.disk_free_ratio": result.threshold("alerts.disk_free_ratio", _defaults["alerts.disk_free_ratio"]),
	"alerts.capacity_far_factor": result.threshold("alerts.capacity_far_factor", _defaults["alerts.capacity_far_factor"]),
}
