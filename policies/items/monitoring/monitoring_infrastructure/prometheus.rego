# METADATA
# title: "Prometheus: Deployed and scraping metrics"
# description: >-
#   Checklist item 3.1.1 (3.1 Monitoring Infrastructure). Decided from Prometheus scrape
#   configuration (prometheus.yml scrape_configs, ServiceMonitor, PodMonitor, Probe, ScrapeConfig)
#   and from the metrics that alerting rules, recording rules and Grafana dashboards query,
#   categorised by name: API request metrics (http_*, grpc_*, *_requests_total), system metrics
#   (node_*, container_*, kube_*) and business metrics (payments, orders, subscriptions, quota).
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
#     Scrape the service (ServiceMonitor or scrape_configs job), node-exporter/kubelet, and use
#     the API and business metrics in recording rules, alerts or dashboards.
package gonogo.items.monitoring.monitoring_infrastructure.prometheus

import data.gonogo.items.monitoring.lib.alerting
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

facts := object.get(alerting.section, "prometheus", {})

sources := object.get(facts, "scrape_sources", {})

metrics(category) := object.get(facts, ["metrics", category], [])

source_refs(category) := [s.provenance.ref | some s in sources; s.category == category]

used_at(category) := object.get(facts, ["metrics_evidence", category], [])

_first(names) := concat(", ", array.slice(names, 0, 5))

criteria["API metrics collected"] := result.pending("Prometheus configuration (monitoring collector)") if {
	not alerting.collected("prometheus")
} else := result.fail("no Prometheus scrape configuration, ServiceMonitor or PodMonitor found", []) if {
	count(sources) == 0
} else := result.fail(
	sprintf(
		"no application or ingress is scraped: the %d scrape sources are system exporters (%s)",
		[count(sources), concat(", ", [s.name | some s in sources])],
	),
	[s.provenance.ref | some s in sources],
) if {
	count(array.concat(source_refs("app"), source_refs("platform"))) == 0
} else := result.fail(
	sprintf("%d scrape sources, but no rule or dashboard queries an API request metric (http_*, grpc_*, *_requests_total)", [count(sources)]),
	[s.provenance.ref | some s in sources],
) if {
	count(metrics("api")) == 0
} else := result.pass(
	sprintf("API metrics %s queried; %d scrape sources (%d application)", [_first(metrics("api")), count(sources), count(source_refs("app"))]),
	array.flatten([source_refs("app"), source_refs("platform"), used_at("api")]),
)

criteria["System metrics gathered"] := result.pending("Prometheus configuration (monitoring collector)") if {
	not alerting.collected("prometheus")
} else := result.fail("no Prometheus scrape configuration, ServiceMonitor or PodMonitor found", []) if {
	count(sources) == 0
} else := result.pass(
	sprintf("system scrape sources: %s", [concat(", ", [s.name | some s in sources; s.category == "system"])]),
	source_refs("system"),
) if {
	count(source_refs("system")) > 0
} else := result.pass(
	sprintf("system metrics %s queried by rules or dashboards", [_first(metrics("system"))]),
	used_at("system"),
) if {
	count(metrics("system")) > 0
} else := result.fail(
	sprintf("no node-exporter, kubelet or cAdvisor scrape source and no node_*/container_* metric queried (%d scrape sources)", [count(sources)]),
	[s.provenance.ref | some s in sources],
)

criteria["Custom business metrics tracked"] := result.pending("Prometheus configuration (monitoring collector)") if {
	not alerting.collected("prometheus")
} else := result.pass(
	sprintf("business metrics queried by rules or dashboards: %s", [_first(metrics("business"))]),
	used_at("business"),
) if {
	count(metrics("business")) > 0
} else := result.fail(
	"no rule or dashboard queries a business metric (payments, orders, subscriptions, quota, revenue)",
	[],
)
