# METADATA
# title: "Grafana: Dashboards operational"
# description: >-
#   Checklist item 3.1.2 (3.1 Monitoring Infrastructure). Decided from Grafana dashboards found
#   by content (JSON files, ConfigMaps with the grafana_dashboard sidecar label,
#   GrafanaDashboard objects), classified security / performance / business from their title,
#   tags, panel titles (rows, collapsed rows and library panels included) and the metrics their
#   panels' PromQL queries use (parsed with a real PromQL parser). With no dashboard collected
#   there is nothing to judge: pending "no Grafana dashboards collected".
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
#     Add the missing dashboard (security overview, performance, business metrics) as a JSON file
#     provisioned to Grafana or as a ConfigMap with the grafana_dashboard label.
package gonogo.items.monitoring.monitoring_infrastructure.grafana

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

facts := object.get(alerting.section, "grafana", {})

dashboard_criterion(class, label) := result.pending("Grafana dashboards (monitoring collector)") if {
	not alerting.collected("grafana")
} else := {"verdict": "pending", "message": "no Grafana dashboards collected", "evidence": []} if {
	count(object.get(facts, "dashboards", {})) == 0
} else := _decided(facts, class, label)

_decided(grafana, class, label) := result.pass(
	sprintf("%s: %s", [label, concat("; ", [_describe(grafana.dashboards, key, class) | some key in keys])]),
	[grafana.dashboards[key].provenance.ref | some key in keys],
) if {
	keys := object.get(grafana, ["by_class", class], [])
	count(keys) > 0
} else := result.fail(
	sprintf(
		"%s: none of %d dashboards is one (titles: %s)",
		[label, count(grafana.dashboards), concat(", ", [d.title | some d in grafana.dashboards])],
	),
	[d.provenance.ref | some d in grafana.dashboards],
)

_describe(dashboards, key, class) := sprintf("%s (%s)", [key, concat(", ", [_reason(r) | some r in dashboards[key].classes[class]])])

# A reason the collector gives as text, or an alert class whose metrics the dashboard shows,
# worded as the criterion the 3.2 items give that class.
_reason(r) := r.text if {
	is_string(r.text)
} else := sprintf("shows %s metrics", [lower(object.get(_criterion_of, r.alert_class, r.alert_class))])

_criterion_of[spec.class] := text if {
	some item in data.gonogo.items.monitoring.alert_coverage
	some text, spec in item.classes
}

criteria["Security overview dashboard"] := dashboard_criterion("security", "security overview dashboard")

criteria["Performance monitoring dashboard"] := dashboard_criterion("performance", "performance dashboard")

criteria["Business metrics dashboard"] := dashboard_criterion("business", "business metrics dashboard")
