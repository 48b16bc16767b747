# METADATA
# title: "D3-APM: Application Performance Monitoring"
# description: >-
#   Checklist item 2.1.5 (2.1 D3FEND Compliance). Decided from the monitoring section:
#   application scrape sources (ServiceMonitor/PodMonitor/scrape job for the service, or
#   annotation-based pod discovery), Grafana dashboards found in the repository, and alerting
#   rules whose PromQL parses.
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
#     - monitoring.alerts
#   remediation: >-
#     Expose /metrics from the service and scrape it (ServiceMonitor or scrape_configs job),
#     deploy Grafana dashboards and Prometheus alerting rules.
package gonogo.items.security.d3fend.d3_apm

import data.gonogo.items.monitoring.lib.alerting
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

sources := object.get(alerting.section, ["prometheus", "scrape_sources"], {})

app_sources := [s | some s in sources; s.category == "app"]

dashboards := object.get(alerting.section, ["grafana", "dashboards"], {})

criteria["Prometheus metrics instrumented"] := result.pending("Prometheus configuration (monitoring collector)") if {
	not alerting.collected("prometheus")
} else := result.pass(
	sprintf("application scrape sources: %s", [concat(", ", [sprintf("%s %s", [s.kind, s.name]) | some s in app_sources])]),
	[s.provenance.ref | some s in app_sources],
) if {
	count(app_sources) > 0
} else := result.nothing("Prometheus scrape configuration, ServiceMonitor or PodMonitor") if {
	count(sources) == 0
} else := result.fail(
	sprintf(
		"no application is scraped: %d scrape sources, all exporters or platform (%s)",
		[count(sources), concat(", ", [s.name | some s in sources])],
	),
	[s.provenance.ref | some s in sources],
)

criteria["Grafana dashboards deployed"] := result.pending("Grafana dashboards (monitoring collector)") if {
	not alerting.collected("grafana")
} else := result.pass(
	sprintf("%d dashboards: %s", [count(dashboards), concat(", ", [d.title | some d in dashboards])]),
	[d.provenance.ref | some d in dashboards],
) if {
	count(dashboards) > 0
} else := result.fail(
	sprintf(
		"no Grafana dashboard found (JSON file, grafana_dashboard ConfigMap or GrafanaDashboard) for the scraped application: %s",
		[concat(", ", sort([sprintf("%s %s", [s.kind, s.name]) | some s in app_sources]))],
	),
	sort([s.provenance.ref | some s in app_sources]),
) if {
	count(app_sources) > 0
} else := result.nothing("Grafana dashboard (JSON file, grafana_dashboard ConfigMap or GrafanaDashboard)")

criteria["Alert rules configured"] := result.pending("Prometheus alerting rules (monitoring collector)") if {
	not alerting.collected("prometheus")
} else := result.pass(
	sprintf("%d alerting rules parsed", [alerting.section.prometheus.parsed_alerting_rules]),
	array.slice(sort([a.provenance.ref | some a in object.get(alerting.section, "alerts", {}); a.parsed]), 0, 10),
) if {
	alerting.section.prometheus.parsed_alerting_rules > 0
} else := result.nothing("alerting rule (Prometheus rule file or PrometheusRule)") if {
	alerting.section.prometheus.alerting_rules == 0
} else := result.fail(
	sprintf("no alerting rule with a valid PromQL expression (%d alerting rules read)", [alerting.section.prometheus.alerting_rules]),
	_unparsed_refs,
)

_unparsed_refs := array.slice(sort([a.provenance.ref | some a in object.get(alerting.section, "alerts", {}); not a.parsed]), 0, 10)
