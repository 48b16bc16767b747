# METADATA
# title: "D3-APM: Application Performance Monitoring"
# description: >-
#   Checklist item 2.1.5 (2.1 D3FEND Compliance). Decided from Prometheus and Grafana configuration.
# custom:
#   id: "2.1.5"
#   section: "2.1 D3FEND Compliance"
#   severity: high
#   criteria:
#     - "Prometheus metrics instrumented"
#     - "Grafana dashboards deployed"
#     - "Alert rules configured"
#   evidence:
#     - monitoring.prometheus
#     - monitoring.grafana
#   remediation: >-
#     Provide Prometheus and Grafana configuration so gonogo can verify this item.
package gonogo.items.security.d3fend.d3_apm

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Prometheus metrics instrumented"] := result.pending("Prometheus and Grafana configuration")
criteria["Grafana dashboards deployed"] := result.pending("Prometheus and Grafana configuration")
criteria["Alert rules configured"] := result.pending("Prometheus and Grafana configuration")
