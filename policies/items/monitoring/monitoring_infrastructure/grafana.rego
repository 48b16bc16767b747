# METADATA
# title: "Grafana: Dashboards operational"
# description: >-
#   Checklist item 3.1.2 (3.1 Monitoring Infrastructure). Decided from Grafana dashboards.
# custom:
#   id: "3.1.2"
#   section: "3.1 Monitoring Infrastructure"
#   severity: high
#   criteria:
#     - "Security overview dashboard"
#     - "Performance monitoring dashboard"
#     - "Business metrics dashboard"
#   evidence:
#     - monitoring.grafana
#   remediation: >-
#     Provide Grafana dashboards so gonogo can verify this item.
package gonogo.items.monitoring.monitoring_infrastructure.grafana

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Security overview dashboard"] := result.pending("Grafana dashboards")
criteria["Performance monitoring dashboard"] := result.pending("Grafana dashboards")
criteria["Business metrics dashboard"] := result.pending("Grafana dashboards")
