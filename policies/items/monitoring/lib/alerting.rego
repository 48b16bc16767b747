# METADATA
# title: Monitoring lookups
# description: >-
#   Shared decisions for the items read from the monitoring section (collectors/monitoring,
#   docs/monitoring.md): the coverage criterion of one alert class, the alert-coverage table,
#   and Alertmanager integration criteria. The collector indexes alerts by the class they
#   measure (monitoring.alert_coverage[class].alerts), so each criterion is one key lookup and
#   one pass over the few alerts of that class; which class serves which criterion, and the
#   thresholds, are the items' (their classes map and custom.thresholds METADATA). Not an item:
#   this package has no report.
package gonogo.items.monitoring.lib.alerting

import data.gonogo.lib.result

# METADATA
# description: The monitoring section, or {} when the collector did not run.
section := object.get(input, "monitoring", {})

# METADATA
# description: True when the monitoring collector filled key (present, even if empty).
collected(key) if key in object.keys(section)

# METADATA
# description: >-
#   The criterion that one alert class covers: spec is the item's {"class": key, "threshold":
#   name, "quantile": name} (names optional, for classes measured by a number) and limits the
#   item's threshold values by name (see limits). Pass when an alert covers the class at the
#   threshold (or tighter) and reaches a receiver with a configured integration; fail naming each
#   covering alert and why it does not count; pending when the collector did not run.
coverage(spec, limits) := result.pending("Prometheus alerting rules (monitoring collector)") if {
	not collected("alert_coverage")
} else := result.error(sprintf("monitoring.alert_coverage has no row for class %q", [spec.class]), []) if {
	not spec.class in object.keys(section.alert_coverage)
} else := result.error(sprintf("no threshold value for %q", [spec.threshold]), []) if {
	spec.threshold
	not spec.threshold in object.keys(limits)
} else := _coverage_decided(need(spec, limits, section.alert_coverage[spec.class]))

# METADATA
# description: >-
#   What an alert must meet to cover a class: the collector's row (unit, direction, covering
#   alerts) with the item's threshold name and value, and the quantile for latency.
need(spec, limits, row) := object.union(row, {
	"threshold_name": object.get(spec, "threshold", null),
	"threshold": object.get(limits, object.get(spec, "threshold", ""), null),
	"quantile": object.get(limits, object.get(spec, "quantile", ""), null),
})

# METADATA
# description: >-
#   The defaults an item's METADATA declares in custom.thresholds, by name (the item passes
#   each to result.threshold, so gonogo.yaml settings.thresholds overrides it).
defaults(chain) := {t.name: t.default |
	some t in object.get(result.package_annotations(chain), ["custom", "thresholds"], [])
}

_coverage_decided(row) := result.pass(
	sprintf("covered by %s", [concat("; ", [describe(a) | some a in good])]),
	[a.ref | some a in good],
) if {
	good := [a | some a in row.alerts; counts(row, a)]
	count(good) > 0
} else := result.fail(
	sprintf("no alerting rule measures it (%d alerting rules read)", [_alert_count]),
	[],
) if {
	count(row.alerts) == 0
} else := result.fail(
	sprintf("not covered: %s", [concat("; ", [why(row, a) | some a in row.alerts])]),
	[a.ref | some a in row.alerts],
)

_alert_count := object.get(section, ["prometheus", "alerting_rules"], 0)

# METADATA
# description: >-
#   The item's alert-coverage table (interface: report.tables): one row per criterion, ordered
#   by alert class - the alerts that measure it, the thresholds they fire at, the receivers the
#   routed ones reach, and the criterion's verdict (criterion_column/verdict_column let the
#   evaluator show the final verdict). Empty when the collector did not run.
tables(classes, criteria) := {"tables": [{
	"title": "Alert coverage",
	"columns": ["Alert class", "Alert(s)", "Threshold found", "Receiver reached", "Verdict"],
	"criterion_column": 0,
	"verdict_column": 4,
	"rows": [_table_row(text, section.alert_coverage[class], criteria) |
		some pair in sort([[spec.class, text] | some text, spec in classes])
		[class, text] := pair
		class in object.keys(section.alert_coverage)
	],
}]} if {
	collected("alert_coverage")
} else := {}

_table_row(text, row, criteria) := [
	text,
	_or_dash(concat(", ", [a.alert | some a in row.alerts])),
	_or_dash(concat(", ", sort({_or_dash(a.threshold_text) | some a in row.alerts}))),
	_or_none(concat(", ", sort({r | some a in row.alerts; a.routed == true; some r in a.receivers}))),
	object.get(criteria, [text, "verdict"], "—"),
]

_or_dash(s) := s if s != ""

_or_dash("") := "—"

_or_none(s) := s if s != ""

_or_none("") := "none"

# METADATA
# description: >-
#   An alert counts for its class when its threshold is tight enough, it is routed, and its rule
#   file is not one that promtool check rules rejects (Prometheus would not load it).
counts(row, a) if {
	meets_threshold(row, a)
	a.routed == true
	not rejected(a)
}

# METADATA
# description: >-
#   The promtool verdict on the rule file an alert comes from (monitoring.prometheus.rule_checks,
#   keyed by file; the alert's ref is file:line), when promtool checked it and rejected it.
rejected(a) := check if {
	parts := split(a.ref, ":")
	file := concat(":", array.slice(parts, 0, count(parts) - 1))
	check := section.prometheus.rule_checks.files[file]
	check.checked
	check.valid == false
}

# METADATA
# scope: document
# description: True when the alert fires at the class's threshold or earlier (classes without a number always).
meets_threshold(row, _) if row.unit == null

meets_threshold(row, a) if {
	row.direction == "above"
	_numeric(a)
	a.direction == "above"
	a.threshold <= row.threshold
	_quantile_ok(row, a)
}

meets_threshold(row, a) if {
	row.direction == "below"
	_numeric(a)
	a.direction == "below"
	a.threshold >= row.threshold
}

_numeric(a) if {
	is_number(a.threshold)
	not a.absolute
	not a.conditional
}

_quantile_ok(row, _) if row.unit != "seconds"

_quantile_ok(row, a) if {
	row.unit == "seconds"
	is_number(a.quantile)
	a.quantile >= row.quantile
}

# METADATA
# description: One coverage-table row as text - alert, where, threshold found, receivers reached.
describe(a) := sprintf("%s (%s) fires at %s, reaches %s", [a.alert, a.ref, a.threshold_text, receivers_text(a)])

# METADATA
# description: The receivers an alert reaches and their integrations, as text.
receivers_text(a) := "no receiver (no Alertmanager configuration found)" if {
	a.routed == null
} else := sprintf("%s (no integration)", [concat(", ", a.receivers)]) if {
	count(a.integrations) == 0
} else := sprintf("%s (%s)", [concat(", ", a.receivers), concat(", ", a.integrations)])

# METADATA
# description: Why a covering alert does not count for its class.
why(row, a) := sprintf("%s (%s): its rule file is rejected by promtool check rules (%s)", [a.alert, a.ref, rejected(a).error]) if {
	rejected(a)
} else := sprintf("%s (%s) fires at %s: %s", [a.alert, a.ref, a.threshold_text, threshold_problem(row, a)]) if {
	not meets_threshold(row, a)
} else := sprintf("%s (%s): routing unknown, no Alertmanager configuration was found", [a.alert, a.ref]) if {
	a.routed == null
} else := sprintf("%s (%s) reaches %s: no receiver with a configured integration", [a.alert, a.ref, receivers_text(a)])

# METADATA
# description: What is wrong with an alert's threshold for its class.
threshold_problem(row, a) := "an absolute value, not a ratio of capacity or of requests" if {
	a.absolute
} else := sprintf("fires only together with another condition (%s)", [concat("; ", a.notes)]) if {
	a.conditional
} else := "no numeric threshold to compare" if {
	not is_number(a.threshold)
} else := sprintf("fires when the value goes %s, the class needs %s", [a.direction, row.direction]) if {
	a.direction != row.direction
} else := "a mean or unknown quantile, not a percentile" if {
	row.unit == "seconds"
	not is_number(a.quantile)
} else := sprintf("quantile %v is below the required %v", [a.quantile, row.quantile]) if {
	not _quantile_ok(row, a)
} else := sprintf("%v is looser than the threshold %v (%s)", [a.threshold, row.threshold, row.threshold_name])

# METADATA
# description: >-
#   The criterion that an Alertmanager integration of this kind (pagerduty, slack, email) is
#   configured (credential present; email also needs a smarthost) on a receiver the route tree uses.
integration(kind, label) := result.pending("Alertmanager configuration (monitoring collector)") if {
	not collected("alertmanager")
} else := result.fail(_no_config_message, object.get(section, ["alertmanager", "unread_secrets"], [])) if {
	count(section.alertmanager.configs) == 0
} else := _integration_decided(object.get(section, ["alertmanager", "integrations", kind], []), label)

default _no_config_message := "no Alertmanager configuration found (route and receivers)"

_no_config_message := msg if {
	secrets := object.get(section, ["alertmanager", "unread_secrets"], [])
	count(secrets) > 0
	msg := sprintf("no readable Alertmanager configuration: it may be in Secret(s) %s, which are never read", [concat(", ", secrets)])
}

_integration_decided(entries, label) := result.pass(
	sprintf("%s: %s", [label, concat("; ", [_integration_text(e) | some e in ready])]),
	[e.ref | some e in ready],
) if {
	ready := [e | some e in entries; e.configured; e.referenced]
	count(ready) > 0
} else := result.fail(sprintf("%s: no receiver has one configured", [label]), []) if {
	count(entries) == 0
} else := result.fail(
	sprintf("%s: not ready: %s", [label, concat("; ", [_integration_problem(e) | some e in entries])]),
	[e.ref | some e in entries],
)

_integration_text(e) := sprintf(
	"receiver %s (%s) %s integration, credential %s, reached by %d alerts (%d critical)",
	[e.receiver, e.ref, e.type, _credential(e), e.alerts, e.critical_alerts],
)

_credential(e) := e.credential if {
	is_string(e.credential)
} else := "smarthost set" if {
	e.type == "email"
	e.configured
} else := "none"

_integration_problem(e) := sprintf("receiver %s (%s): %s integration has no credential or recipient/smarthost", [e.receiver, e.ref, e.type]) if {
	not e.configured
} else := sprintf("receiver %s (%s): no route sends alerts to it", [e.receiver, e.ref])
