# METADATA
# title: "Prometheus: Deployed and scraping metrics"
# description: >-
#   Checklist item 3.1.1 (3.1 Monitoring Infrastructure). Decided from Prometheus scrape
#   configuration (prometheus.yml scrape_configs, ServiceMonitor, PodMonitor, Probe, ScrapeConfig)
#   and from the metrics that alerting rules, recording rules and Grafana dashboards query,
#   categorised by name: API request metrics (http_*, grpc_*, *_requests_total), system metrics
#   (node_*, container_*, kube_*) and business metrics (payments, orders, subscriptions, quota).
#   A running Prometheus (monitoring.live, asked with --prometheus-url) is measured evidence that
#   scraping works and decides when its metric names were collected: each criterion passes when
#   a target that is up exposes a metric of its kind, and fails otherwise. From configuration
#   alone, a rule file that promtool check rules rejects fails every criterion: Prometheus
#   refuses to start with it. API metrics: a scrape of the application (a scrape job that
#   discovers application pods, a ServiceMonitor or PodMonitor of the service) collects them, so
#   it passes on the scrape itself when no rule or dashboard in view queries metrics; it fails
#   when the rules and dashboards in view query none, or when a service is in view and nothing
#   scrapes it; with neither a scrape configuration nor a service in view, nothing to judge.
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
#     - monitoring.live
#   remediation: >-
#     Scrape the service (ServiceMonitor or scrape_configs job), node-exporter/kubelet, and use
#     the API and business metrics in recording rules, alerts or dashboards; fix the rule files
#     promtool check rules rejects.
package gonogo.items.monitoring.monitoring_infrastructure.prometheus

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

facts := object.get(alerting.section, "prometheus", {})

sources := object.get(facts, "scrape_sources", {})

metrics(category) := object.get(facts, ["metrics", category], [])

source_refs(category) := [s.provenance.ref | some s in sources; s.category == category]

used_at(category) := object.get(facts, ["metrics_evidence", category], [])

_first(names) := concat(", ", array.slice(names, 0, 5))

criteria["API metrics collected"] := _live.api if {
	_live_decides
} else := result.pending(_needs) if {
	not alerting.collected("prometheus")
} else := _rejected_verdict if {
	_rejected_verdict
} else := _api_from_config

# API metrics from configuration: first the scrape sources (and the services in view).
_api_from_config := result.nothing(_nothing_scraped) if {
	count(sources) == 0
	count(services) == 0
} else := result.fail(
	sprintf("nothing scrapes the service: no Prometheus scrape configuration, ServiceMonitor or PodMonitor found for %s", [_services_text]),
	[s.provenance.ref | some s in array.slice(services, 0, 5)],
) if {
	count(sources) == 0
} else := result.fail(
	sprintf(
		"no application or ingress is scraped: the %d scrape sources are system exporters (%s)",
		[count(sources), concat(", ", [s.name | some s in sources])],
	),
	[s.provenance.ref | some s in sources],
) if {
	count(array.concat(source_refs("app"), source_refs("platform"))) == 0
} else := _api_queried

# The application or ingress is scraped: what the rules and dashboards in view query decides.
_api_queried := result.pass(
	sprintf(
		"the application is scraped, so its metrics are collected: %s; no rule or dashboard in view queries metrics to tell which",
		[concat(", ", [sprintf("%s %s (%s)", [s.kind, s.name, s.provenance.ref]) | some s in sources; s.category == "app"])],
	),
	source_refs("app"),
) if {
	count(metrics("api")) == 0
	count(source_refs("app")) > 0
	not _queried
} else := result.fail(
	sprintf("%d scrape sources, but no rule or dashboard queries an API request metric (http_*, grpc_*, *_requests_total)", [count(sources)]),
	array.concat([s.provenance.ref | some s in sources], _queried_refs),
) if {
	count(metrics("api")) == 0
} else := result.pass(
	sprintf("API metrics %s queried; %d scrape sources (%d application)", [_first(metrics("api")), count(sources), count(source_refs("app"))]),
	array.flatten([source_refs("app"), source_refs("platform"), used_at("api")]),
)

criteria["System metrics gathered"] := _live.system if {
	_live_decides
} else := result.pending(_needs) if {
	not alerting.collected("prometheus")
} else := _rejected_verdict if {
	_rejected_verdict
} else := result.nothing(_nothing_scraped) if {
	count(sources) == 0
	count(services) == 0
} else := result.fail(
	sprintf("no Prometheus scrape configuration, ServiceMonitor or PodMonitor found for %s", [_services_text]),
	[s.provenance.ref | some s in array.slice(services, 0, 5)],
) if {
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

criteria["Custom business metrics tracked"] := _live.business if {
	_live_decides
} else := result.pending(_needs) if {
	not alerting.collected("prometheus")
} else := _rejected_verdict if {
	_rejected_verdict
} else := result.pass(
	sprintf("business metrics queried by rules or dashboards: %s", [_first(metrics("business"))]),
	used_at("business"),
) if {
	count(metrics("business")) > 0
} else := result.fail(
	"no rule or dashboard queries a business metric (payments, orders, subscriptions, quota, revenue)",
	[],
)

_needs := "Prometheus configuration (monitoring collector) or a live Prometheus (--prometheus-url)"

# Rules or dashboards in view query metrics (of any category): they show which metrics are there.
_queried if {
	some category, names in object.get(facts, "metrics", {})
	count(names) > 0
}

_queried_refs := array.slice(
	sort({ref | some refs in object.get(facts, "metrics_evidence", {}); some ref in refs}),
	0, 5,
)

# METADATA
# description: >-
#   The services that could be scraped: the workloads and dependency manifests the collector
#   read (monitoring.tracing.services). With no scrape configuration and none of them, there is
#   nothing to judge.
services := object.get(alerting.section, ["tracing", "services"], [])

_services_text := concat(", ", array.concat(
	[sprintf("%s %s (%s)", [s.kind, s.name, s.provenance.ref]) | some s in array.slice(services, 0, 5)],
	[sprintf("and %d more", [count(services) - 5]) | count(services) > 5],
))

_nothing_scraped := "Prometheus scrape configuration, ServiceMonitor or PodMonitor, or service to scrape"

# ---- promtool: a rule file Prometheus would refuse to load ---------------------------------

_rejected := [sprintf("%s (%s)", [_at(f), f.error]) |
	some f in object.get(facts, ["rule_checks", "files"], {})
	f.checked
	f.valid == false
]

_at(f) := sprintf("%s:%d", [f.provenance.file, f.line]) if f.line != null

else := f.provenance.file

_rejected_verdict := result.fail(
	sprintf("Prometheus refuses to start with rule file(s) that promtool check rules rejects: %s", [concat("; ", _rejected)]),
	[f.provenance.ref | some f in facts.rule_checks.files; f.checked; f.valid == false],
) if {
	count(_rejected) > 0
}

# ---- a live Prometheus: which metrics the targets that are up expose -------------------------

live := object.get(input, ["monitoring", "live"], null)

_live_decides if {
	live.collected.targets
	live.collected.metric_names
}

# Metric kinds by name, the first that matches: system (node and container level, not the
# process_/go_ series every client library exposes), business, then API request metrics.
_kinds := [
	["system", `^(node|container|machine|kube|kubelet|cadvisor|windows)_`],
	["business", concat("", [
		`(payment|order|checkout|subscription|revenue|cart|signup|customer|invoice|billing|quota|plan|`,
		`churn|transaction|sales|purchase|registration|tenant)`,
	])],
	["api", `(^|_)(http|grpc|rpc|api|requests?|responses?|handled|server|ingress|nginx|envoy|istio|traefik)(_|$)`],
]

_up_jobs := [j | some j in live.targets; j.up > 0]

_up_names contains n if {
	some j in _up_jobs
	some n in j.metric_names
}

# Each metric name of an up target -> its kind (absent when it is of none).
_name_kind[name] := [k[0] | some k in _kinds; regex.match(k[1], name)][0] if some name in _up_names

_kind_names contains k[0] if some k in _kinds

_live_names[kind] := sort({n | some n, k in _name_kind; k == kind}) if some kind in _kind_names

_live_jobs[kind] := sort({j.job | some j in _up_jobs; some n in j.metric_names; _name_kind[n] == kind}) if {
	some kind in _kind_names
}

_live_label := {"api": "an API request metric", "system": "a node or container metric", "business": "a business metric"}

_live_ref := live.provenance.ref

# Defined when nothing is scraped or every target is down: every kind fails alike.
_live_empty := result.fail(sprintf("live Prometheus %s scrapes no target", [_live_ref]), [_live_ref]) if {
	count(live.targets) == 0
} else := result.fail(sprintf("live Prometheus %s: all %d target(s) down", [_live_ref, live.targets_total]), [_live_ref]) if {
	count(_up_jobs) == 0
}

_live[kind] := _live_empty if {
	_live_empty
	some kind in _kind_names
}

_live[kind] := result.pass(message, [_live_ref]) if {
	not _live_empty
	some kind, names in _live_names
	count(names) > 0
	jobs := concat(", ", _live_jobs[kind])
	message := sprintf("live Prometheus %s scrapes %s from job(s) %s", [_live_ref, _first(names), jobs])
}

_live[kind] := result.fail(message, [_live_ref]) if {
	not _live_empty
	up := concat(", ", sort([j.job | some j in _up_jobs]))
	some kind, names in _live_names
	count(names) == 0
	label := _live_label[kind]
	message := sprintf("live Prometheus %s: no target that is up exposes %s (jobs up: %s)", [_live_ref, label, up])
}
