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
#   One notion of "an alert", shared by every item that reads alerting rules (3.2.x, 4.1.3,
#   6.3.1, 6.3.3): a rule Prometheus would load and evaluate - its PromQL parses and its rule
#   file is not one that promtool check rules rejects. a is a coverage row (ref) or a
#   monitoring.alerts entry (provenance.ref, parsed).
is_alert(a) if {
	object.get(a, "parsed", true) == true
	not rejected(a)
}

# METADATA
# description: The alerts (is_alert) that measure one alert class, from monitoring.alert_coverage.
alerts_of(class) := [a | some a in object.get(section, ["alert_coverage", class, "alerts"], []); is_alert(a)]

# METADATA
# description: The alerting rules (is_alert) by key, from monitoring.alerts.
alerts[key] := a if {
	some key, a in object.get(section, "alerts", {})
	is_alert(a)
}

# METADATA
# scope: document
# description: >-
#   True when alerting rules were collected: the collector ran and read at least one (parsed or
#   not). With none, a criterion about alerts has nothing to judge and is pending.
rules_collected if object.get(section, ["prometheus", "alerting_rules"], 0) > 0

rules_collected if count(object.get(section, "alerts", {})) > 0

# METADATA
# description: >-
#   The result of a criterion about alerts when the collector ran and read no alerting rule:
#   nothing to judge, pending "no alert rules collected" (the shape of result.pending, with the
#   message docs/verdicts.md gives nothing-to-judge).
no_rules := {"verdict": "pending", "message": "no alert rules collected", "evidence": []}

# METADATA
# description: >-
#   The criterion that one alert class covers: spec is the item's {"class": key, "threshold":
#   name, "quantile": name, "far": name} (names optional, for classes measured by a number) and
#   limits the item's threshold values by name (see limits). Pass when an alert (is_alert) covers
#   the class at the threshold (or tighter, not far tighter), on the service's own workloads
#   where its selectors name any, and is not routed only to receivers without an integration
#   (routing unknown is stated, it is 3.1.3's and 6.3.3's to decide); fail naming each covering
#   alert and why it does not count; pending when the collector did not run or read no rule.
coverage(spec, limits) := result.pending("Prometheus alerting rules (monitoring collector)") if {
	not collected("alert_coverage")
} else := result.error(sprintf("monitoring.alert_coverage has no row for class %q", [spec.class]), []) if {
	not spec.class in object.keys(section.alert_coverage)
} else := result.error(sprintf("no threshold value for %q", [spec.threshold]), []) if {
	spec.threshold
	not spec.threshold in object.keys(limits)
} else := no_rules if {
	not rules_collected
} else := _coverage_decided(need(spec, limits, section.alert_coverage[spec.class]))

# METADATA
# description: >-
#   What an alert must meet to cover a class: the collector's row (unit, direction, covering
#   alerts) with the item's threshold name and value, the quantile for latency, and the factor
#   past which a tighter threshold is far from the seed's figure.
need(spec, limits, row) := object.union(row, {
	"threshold_name": object.get(spec, "threshold", null),
	"threshold": object.get(limits, object.get(spec, "threshold", ""), null),
	"quantile": object.get(limits, object.get(spec, "quantile", ""), null),
	"far_name": object.get(spec, "far", null),
	"far_factor": object.get(limits, object.get(spec, "far", ""), null),
})

# METADATA
# description: >-
#   The defaults an item's METADATA declares in custom.thresholds, by name (the item passes
#   each to result.threshold, so gonogo.yaml settings.thresholds overrides it).
defaults(chain) := {t.name: t.default |
	some t in object.get(result.package_annotations(chain), ["custom", "thresholds"], [])
}

_coverage_decided(row) := result.pass(
	sprintf("covered by %s", [concat("; ", [describe(row, a) | some a in good])]),
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
	_receivers_cell(row),
	object.get(criteria, [text, "verdict"], "—"),
]

_receivers_cell(row) := "routing unknown" if {
	count(row.alerts) > 0
	every a in row.alerts {
		a.routed == null
	}
} else := _or_none(concat(", ", sort({r | some a in row.alerts; a.routed == true; some r in a.receivers})))

_or_dash(s) := s if s != ""

_or_dash("") := "—"

_or_none(s) := s if s != ""

_or_none("") := "none"

# METADATA
# description: >-
#   An alert counts for its class when it is an alert (is_alert), its threshold is tight enough
#   and not far from the figure, its selectors name the service's own workloads (or none, or no
#   workload was read to compare with), and it is not known to reach only receivers without an
#   integration. Unknown routing (no Alertmanager configuration collected) does not stop it.
counts(row, a) if {
	is_alert(a)
	meets_threshold(row, a)
	not far(row, a)
	not unrelated(a)
	a.routed != false
}

# METADATA
# description: >-
#   True when the alert's selectors name workloads (namespace, container, pod, deployment...)
#   and none of the workloads read from the repository matches them.
unrelated(a) if object.get(a, ["scope", "related"], null) == false

# METADATA
# scope: document
# description: >-
#   True when the alert's threshold is much tighter than the seed's figure (the item's far
#   factor, e.g. alerts.capacity_far_factor): a CPU alert at 10 % is not a high-CPU alert.
#   Above: threshold < figure x factor; below (free space): used 1 - threshold < (1 - figure) x factor.
far(row, a) if {
	is_number(row.far_factor)
	row.direction == "above"
	a.threshold < row.threshold * row.far_factor
}

far(row, a) if {
	is_number(row.far_factor)
	row.direction == "below"
	1 - a.threshold < (1 - row.threshold) * row.far_factor
}

# METADATA
# description: >-
#   The promtool verdict on the rule file an alert comes from (monitoring.prometheus.rule_checks,
#   keyed by file; the alert's ref is file:line), when promtool checked it and rejected it.
rejected(a) := check if {
	parts := split(_ref(a), ":")
	file := concat(":", array.slice(parts, 0, count(parts) - 1))
	check := section.prometheus.rule_checks.files[file]
	check.checked
	check.valid == false
}

_ref(a) := object.get(a, "ref", object.get(a, ["provenance", "ref"], ""))

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
	not object.get(a, "always_fires", false)
}

_quantile_ok(row, _) if row.unit != "seconds"

_quantile_ok(row, a) if {
	row.unit == "seconds"
	is_number(a.quantile)
	a.quantile >= row.quantile
}

# METADATA
# description: >-
#   One covering alert as text, stating the reading taken: the threshold found, the comparison
#   it was read from, the series measured, the workloads its selectors name, the guards set
#   aside, the figure it is held to, and where Alertmanager delivers it.
describe(row, a) := sprintf("%s (%s) fires at %s%s%s%s%s, %s%s", [
	a.alert, a.ref, a.threshold_text, _written(a), _measured(a), _scope(a), _figure(row),
	receivers_text(a), _guards(a),
])

_written(a) := sprintf(" (read from `%s`)", [a.comparison]) if {
	object.get(a, "comparison", "") != ""
} else := ""

_measured(a) := sprintf(" on %s", [concat(", ", a.measured)]) if {
	count(object.get(a, "measured", [])) > 0
} else := ""

_scope(a) := sprintf(" for %s (%s)", [concat(", ", a.scope.selectors), _scope_match(a.scope)]) if {
	count(object.get(a, ["scope", "selectors"], [])) > 0
} else := ""

_scope_match(s) := sprintf("matches %s", [concat(", ", s.workloads)]) if {
	s.related == true
} else := sprintf("matches none of the %d workloads read", [s.collected]) if {
	s.related == false
} else := "no workload read to compare with"

_guards(a) := sprintf("; guard set aside, not the threshold: %s", [concat("; ", a.guards)]) if {
	count(object.get(a, "guards", [])) > 0
} else := ""

_figure(row) := sprintf(" against the threshold %s (%s)", [figure_text(row), row.threshold_name]) if {
	is_number(row.threshold)
} else := ""

# METADATA
# description: A class's threshold as a reader writes it (80%, 100ms), in the class's unit.
figure_text(row) := sprintf("%v%%", [round(row.threshold * 100000) / 1000]) if {
	row.unit == "ratio"
} else := sprintf("%vms", [round(row.threshold * 1000000) / 1000]) if {
	row.unit == "seconds"
} else := sprintf("%v", [row.threshold])

# METADATA
# description: The receivers an alert reaches and their integrations, as text.
receivers_text(a) := "routing unknown: no Alertmanager config collected" if {
	a.routed == null
} else := sprintf("reaches %s (no integration)", [concat(", ", a.receivers)]) if {
	count(a.integrations) == 0
} else := sprintf("reaches %s (%s)", [concat(", ", a.receivers), concat(", ", a.integrations)])

# METADATA
# description: Why a covering alert does not count for its class.
why(row, a) := sprintf("%s (%s): its rule file is rejected by promtool check rules (%s)", [a.alert, a.ref, rejected(a).error]) if {
	rejected(a)
} else := sprintf("%s (%s) fires at %s%s%s: %s", [a.alert, a.ref, a.threshold_text, _written(a), _measured(a), threshold_problem(row, a)]) if {
	not meets_threshold(row, a)
} else := sprintf("%s (%s) fires at %s%s: far from the threshold %s (%s; farther than %s %v allows): not read as an alert of this class", [
	a.alert, a.ref, a.threshold_text, _written(a), figure_text(row), row.threshold_name, row.far_name, row.far_factor,
]) if {
	far(row, a)
} else := sprintf("%s (%s) fires at %s%s%s: not the service's own workloads", [a.alert, a.ref, a.threshold_text, _measured(a), _scope(a)]) if {
	unrelated(a)
} else := sprintf("%s (%s) %s: no receiver with a configured integration", [a.alert, a.ref, receivers_text(a)])

# METADATA
# description: What is wrong with an alert's threshold for its class.
threshold_problem(row, a) := "an absolute value, not a ratio of capacity or of requests" if {
	a.absolute
} else := sprintf("fires only together with another condition (%s)", [concat("; ", a.notes)]) if {
	a.conditional
} else := "a `bool` comparison returns 0 or 1 for every series, so it fires whatever the value" if {
	object.get(a, "always_fires", false)
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
#   configured (credential present; email also needs a smarthost) on a receiver the route tree
#   uses. With no Alertmanager configuration collected the routing is unknown: nothing to judge,
#   pending with a message that says so (and names the Secrets it may be in, never read).
integration(kind, label) := result.pending("Alertmanager configuration (monitoring collector)") if {
	not collected("alertmanager")
} else := {
	"verdict": "pending",
	"message": sprintf("%s: %s", [label, _no_config_message]),
	"evidence": object.get(section, ["alertmanager", "unread_secrets"], []),
} if {
	count(section.alertmanager.configs) == 0
} else := _integration_decided(object.get(section, ["alertmanager", "integrations", kind], []), label)

default _no_config_message := "routing unknown: no Alertmanager config collected (route and receivers)"

_no_config_message := msg if {
	secrets := object.get(section, ["alertmanager", "unread_secrets"], [])
	count(secrets) > 0
	msg := sprintf(
		"routing unknown: no readable Alertmanager config collected: it may be in Secret(s) %s, which are never read",
		[concat(", ", secrets)],
	)
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
	"receiver %s (%s) %s integration with %s, %s",
	[e.receiver, e.ref, e.type, _credential(e), _reached(e)],
)

# Where the credential is kept, never its value nor the field it is in: an inline one is 4.1.2's.
_credential(e) := "an inline credential (see 4.1.2)" if {
	e.credential == "inline"
} else := "a credential file" if {
	e.credential == "file"
} else := "the global credential" if {
	e.credential == "global"
} else := "a credential the template fills in" if {
	e.credential == "templated"
} else := "a smarthost set" if {
	e.type == "email"
	e.configured
} else := "no credential"

_reached(e) := "the alerts that reach it are not in view (no alert rules collected)" if {
	not rules_collected
} else := sprintf("reached by %d alerts (%d critical)", [e.alerts, e.critical_alerts])

_integration_problem(e) := sprintf("receiver %s (%s): %s integration has no credential or recipient/smarthost", [e.receiver, e.ref, e.type]) if {
	not e.configured
} else := sprintf("receiver %s (%s): no route sends alerts to it", [e.receiver, e.ref])
