# METADATA
# title: "Monitoring: Active monitoring for 24-48 hours"
# description: >-
#   Checklist item 10.3.2 (10.3 Post-Deployment). Decided from what a running Prometheus
#   measures (the prometheus collector: --prometheus-url, or recorded API answers in
#   prometheus-*.json files): every active scrape target is up and has been up without a gap
#   for the threshold's hours (a range query of `up`), alerting rules are loaded, healthy and
#   evaluated on schedule, and the server itself has been running that long. Pending when no
#   live Prometheus was collected.
# custom:
#   id: "10.3.2"
#   section: "10.3 Post-Deployment"
#   severity: high
#   criteria:
#     - "Active monitoring for 24-48 hours"
#   evidence:
#     - monitoring.live
#   thresholds:
#     - name: post_deploy.monitoring_min_hours
#       default: 24
#       unit: hours
#       description: >-
#         Hours of continuous monitoring after the deployment: every target up without a gap,
#         and the Prometheus server running (so its alerting rules evaluated), at least this long.
#   remediation: >-
#     Point gonogo at the production Prometheus (--prometheus-url, token in
#     GONOGO_PROMETHEUS_TOKEN) once the release has run under monitoring for 24 hours, or commit
#     its recorded API answers (curl .../api/v1/targets, /api/v1/rules,
#     /api/v1/status/runtimeinfo and /api/v1/query_range?query=up over 48 h, each saved as
#     prometheus-<what>.json); fix the targets that are down and the rules that fail.
package gonogo.items.final.post_deployment.monitoring

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

live := object.get(input, ["monitoring", "live"], null)

min_hours := result.threshold("post_deploy.monitoring_min_hours", 24)

_ref := live.provenance.ref

_refs := sort({r | some r in object.get(live, "sources", {})})

_down := [sprintf("%s (%d of %d down%s)", [j.job, j.down, j.targets, _instances(j)]) |
	some j in live.targets
	j.down > 0
]

_instances(j) := "" if count(j.down_instances) == 0

else := sprintf(": %s", [concat(", ", j.down_instances)])

_unhealthy := [sprintf("%s (%s)", [g.name, concat(", ", g.unhealthy)]) |
	some g in live.rule_groups
	g.unhealthy_rules > 0
]

# A group is late when its last evaluation is older than three intervals (a minute when the
# interval is unknown): the rule manager stopped or cannot keep up.
_late := [_late_text(g) |
	some g in live.rule_groups
	g.rules > 0
	_is_late(g)
]

_late_text(g) := sprintf("%s (never evaluated)", [g.name]) if g.seconds_since_evaluation == null

else := sprintf("%s (last evaluated %ds ago)", [g.name, round(g.seconds_since_evaluation)])

_is_late(g) if g.seconds_since_evaluation == null

_is_late(g) if g.seconds_since_evaluation > 3 * _interval(g)

_interval(g) := g.interval_seconds if is_number(g.interval_seconds)

else := 60

_short := [sprintf("%s up without a gap for %v h", [j.job, j.continuous_up_hours]) |
	some j in live.targets
	j.continuous_up_hours != null
	j.continuous_up_hours < min_hours
]

_needs := "a live Prometheus (--prometheus-url) or its recorded API answers (prometheus-*.json)"

_unmeasured := [j.job | some j in live.targets; j.continuous_up_hours == null]

_shortest := min([j.continuous_up_hours | some j in live.targets])

criteria["Active monitoring for 24-48 hours"] := result.pending(_needs) if {
	live == null
} else := _targets_verdict if {
	_targets_verdict
} else := _rules_verdict if {
	_rules_verdict
} else := _hours_verdict if {
	_hours_verdict
} else := result.pass(
	sprintf(
		"%d target(s) in %d job(s) up without a gap for >= %v h; %d alerting rule(s) evaluated, %s",
		[live.targets_total, count(live.targets), _shortest, live.alerting_rules, _server],
	),
	_refs,
)

# Defined only when the targets decide: not collected, none, or some down.
_targets_verdict := result.pending("the Prometheus targets (/api/v1/targets answer)") if {
	not live.collected.targets
} else := result.fail(sprintf("Prometheus %s scrapes no active target", [_ref]), _refs) if {
	count(live.targets) == 0
} else := result.fail(
	sprintf("%d of %d Prometheus target(s) down: %s", [live.targets_down, live.targets_total, concat("; ", _down)]),
	_refs,
) if {
	count(_down) > 0
}

# Defined only when the alerting rules decide: not collected, none, failing or late.
_rules_verdict := result.pending("the Prometheus rule groups (/api/v1/rules answer)") if {
	not live.collected.rules
} else := result.fail(sprintf("Prometheus %s evaluates no alerting rule", [_ref]), _refs) if {
	live.alerting_rules == 0
} else := result.fail(sprintf("rule evaluation failing in %s", [concat("; ", _unhealthy)]), _refs) if {
	count(_unhealthy) > 0
} else := result.fail(sprintf("rule groups not evaluated on schedule: %s", [concat("; ", _late)]), _refs) if {
	count(_late) > 0
}

# Defined only when the hours decide: unmeasured, or fewer than the threshold.
_hours_verdict := result.pending(sprintf(
	"hours of continuous data for %s (a range query of up, /api/v1/query_range?query=up)",
	[concat(", ", _unmeasured)],
)) if {
	count(_unmeasured) > 0
} else := result.fail(sprintf("monitored for less than %v h: %s", [min_hours, concat("; ", _short)]), _refs) if {
	count(_short) > 0
} else := result.pending("the Prometheus start time (/api/v1/status/runtimeinfo answer)") if {
	live.uptime_hours == null
} else := result.fail(
	sprintf("Prometheus %s running for %v h < %v h: its rules have not evaluated that long", [_ref, live.uptime_hours, min_hours]),
	_refs,
) if {
	live.uptime_hours < min_hours
}

_server := sprintf("server up %v h (%s)", [live.uptime_hours, _observed])

_observed := sprintf("%s, observed %s", [_how[live.source], live.observed_at]) if live.observed_at != null

else := sprintf("%s, observed at an unknown time", [_how[live.source]])

_how := {"api": "asked live", "recorded": "recorded API answers"}
