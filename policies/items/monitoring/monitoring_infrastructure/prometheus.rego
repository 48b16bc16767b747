# METADATA
# title: "Prometheus: Deployed and scraping metrics"
# description: >-
#   Checklist item 3.1.1 (3.1 Monitoring Infrastructure). Decided from Prometheus configuration (prometheus.yml, ServiceMonitors).
# custom:
#   id: "3.1.1"
#   section: "3.1 Monitoring Infrastructure"
#   severity: critical
#   criteria:
#     - "API metrics collected"
#     - "System metrics gathered"
#     - "Custom business metrics tracked"
#   evidence:
#     - monitoring.prometheus
#   remediation: >-
#     Provide Prometheus configuration (prometheus.yml, ServiceMonitors) so gonogo can verify this item.
package gonogo.items.monitoring.monitoring_infrastructure.prometheus

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["API metrics collected"] := result.pending("Prometheus configuration (prometheus.yml, ServiceMonitors)")
criteria["System metrics gathered"] := result.pending("Prometheus configuration (prometheus.yml, ServiceMonitors)")
criteria["Custom business metrics tracked"] := result.pending("Prometheus configuration (prometheus.yml, ServiceMonitors)")
