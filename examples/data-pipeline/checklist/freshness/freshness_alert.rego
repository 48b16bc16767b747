# METADATA
# title: "Freshness Alert: Stale data is alerted on"
# description: >-
#   Data pipeline item 11.1.1 (11.1 Freshness). Decided from the alerting rules the monitoring
#   collector parsed (input.monitoring.alerts): an alert measures a freshness metric (one whose
#   name matches pipeline.freshness_metric), and waits no longer than
#   pipeline.max_alert_delay_seconds before it fires (its `for:`).
# custom:
#   id: "11.1.1"
#   section: "11.1 Freshness"
#   section_title: "Data Pipeline Readiness"
#   severity: high
#   criteria:
#     - "An alert measures data freshness"
#     - "It fires within the delay budget"
#   evidence:
#     - monitoring.alerts
#   remediation: >-
#     Export the time of the last successful load (e.g. orders_load_last_success_timestamp_seconds)
#     and alert on `time() - <metric> > <budget>` with a short `for:`.
#   thresholds:
#     - name: pipeline.freshness_metric
#       default: "last_success|freshness|lag_seconds"
#       unit: pattern
#       description: A regular expression a freshness metric's name matches.
#     - name: pipeline.max_alert_delay_seconds
#       default: 1800
#       unit: seconds
#       description: The longest `for:` a freshness alert may wait before it fires.
package gonogo.items.data_pipeline.freshness.freshness_alert

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

pattern := result.threshold("pipeline.freshness_metric", "last_success|freshness|lag_seconds")

max_delay := result.threshold("pipeline.max_alert_delay_seconds", 1800)

alerts := object.get(input, ["monitoring", "alerts"], {})

# METADATA
# description: The alerts whose expression reads a freshness metric, by name.
matching[name] := alert if {
	some name, alert in alerts
	some metric in object.get(alert, ["analysis", "metrics"], [])
	regex.match(pattern, metric)
}

refs(found) := sort([alert.provenance.ref | some alert in found])

criteria["An alert measures data freshness"] := result.nothing("alerting rule") if count(alerts) == 0

criteria["An alert measures data freshness"] := result.pass(
	sprintf("%d alert(s) on a freshness metric: %s", [count(matching), concat(", ", sort(object.keys(matching)))]),
	refs(matching),
) if {
	count(matching) > 0
}

criteria["An alert measures data freshness"] := result.fail(
	sprintf("%d alert(s) collected, none reads a metric matching %s", [count(alerts), pattern]),
	refs(alerts),
) if {
	count(alerts) > 0
	count(matching) == 0
}

slow contains name if {
	some name, alert in matching
	object.get(alert, "for_seconds", 0) > max_delay
}

criteria["It fires within the delay budget"] := result.nothing("freshness alert") if count(matching) == 0

criteria["It fires within the delay budget"] := result.pass(
	sprintf("every freshness alert fires within %v s", [max_delay]),
	refs(matching),
) if {
	count(matching) > 0
	count(slow) == 0
}

criteria["It fires within the delay budget"] := result.fail(
	sprintf("waits longer than %v s before firing: %s", [max_delay, concat(", ", sort(slow))]),
	refs({name: matching[name] | some name in slow}),
) if {
	count(slow) > 0
}
