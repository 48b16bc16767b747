# METADATA
# title: "Caching Strategy: Multi-layer caching implemented"
# description: >-
#   Checklist item 7.2.1 (7.2 Performance Optimization). Counts the caching layers the evidence
#   shows, of three: edge (a CDN distribution that caches, from a Terraform plan, or a reverse-proxy
#   cache such as nginx proxy_cache), application (Redis or Memcached deployed, or cache settings in
#   the application) and HTTP (Cache-Control max-age, public or expires set in code or nginx, or
#   observed by the probe). Passes at caching.min_layers layers; fails when even the layers whose
#   evidence was not collected could not reach it; pending otherwise, naming what to collect.
# custom:
#   id: "7.2.1"
#   section: "7.2 Performance Optimization"
#   severity: low
#   criteria:
#     - "Multi-layer caching implemented"
#   evidence:
#     - kubernetes.databases
#     - infrastructure.cdn
#     - infrastructure.databases
#     - security.application
#     - security.probe
#   thresholds:
#     - name: caching.min_layers
#       default: 2
#       unit: count
#       description: Fewest caching layers (edge, application, HTTP) a service must run.
#   remediation: >-
#     Cache at two layers at least: a CDN or reverse-proxy cache in front, Redis/Memcached or an
#     application cache behind, and Cache-Control headers on cacheable responses.
package gonogo.items.scaling.performance_optimization.caching_strategy

import data.gonogo.lib.application as app
import data.gonogo.lib.kubernetes as k8s
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

criteria["Multi-layer caching implemented"] := multi_layer

_min_layers := result.threshold("caching.min_layers", 2)

_cdn_refs := [k8s.ref(d) | some d in k8s.infra_table(["cdn"]); d.caches == true]

_probe_cache_control := object.get(input, ["security", "probe", "headers", "cache-control"], "")

default _probe_refs := []

_probe_refs := [input.security.probe.provenance.ref] if {
	regex.match(`(?i)(max-age=[1-9]|s-maxage=[1-9]|public)`, _probe_cache_control)
	not regex.match(`(?i)no-store`, _probe_cache_control)
}

# layer -> the evidence references that show it
_found := {
	"edge": array.concat(_cdn_refs, app.refs(app.facts("caching", "edge_caching"))),
	"application": array.concat(k8s.refs(k8s.caches), app.refs(app.facts("caching", "clients"))),
	"http": array.concat(_probe_refs, app.refs(app.facts("caching", "http_caching"))),
}

_layers contains layer if {
	some layer, refs in _found
	count(refs) > 0
}

# layers whose evidence was not collected at all, with what would show them
_unknown[layer] := needs if {
	some layer, needs in {
		"edge": "a Terraform plan (CDN distributions)",
		"application": "Redis objects or the application collector (cache settings)",
		"http": "the probe (--probe URL) or the application collector (Cache-Control in code)",
	}
	not layer in _layers
	not _collected(layer)
}

_collected("edge") if k8s.infra_collected

_collected("application") if app.collected

_collected("application") if k8s.collected

_collected("application") if k8s.infra_collected

_collected("http") if app.collected

_collected("http") if input.security.probe

_refs := [ref | some layer in _layers; some ref in _found[layer]]

default _layer_text := "none"

_layer_text := concat(", ", sort(_layers)) if count(_layers) > 0

# METADATA
# description: At least caching.min_layers of edge, application and HTTP caching are in evidence.
multi_layer := result.pass(sprintf("%d caching layers: %s", [count(_layers), _layer_text]), _refs) if {
	count(_layers) >= _min_layers
} else := result.nothing("caching layer (edge, application or HTTP cache)") if {
	count(_layers) == 0
} else := result.fail(
	sprintf("%d caching layer(s) (%s) < %d: %s", [count(_layers), _layer_text, _min_layers, _missing_text]),
	_refs,
) if {
	count(_layers) + count(_unknown) < _min_layers
} else := result.pending(sprintf("%s (found %d caching layer(s): %s)", [_unknown_text, count(_layers), _layer_text]))

_unknown_text := concat("; ", [sprintf("%s: %s", [layer, needs]) | some layer, needs in _unknown])

_missing_text := concat(", ", [sprintf("no %s cache", [layer]) | some layer in ["edge", "application", "http"]; not layer in _layers])
