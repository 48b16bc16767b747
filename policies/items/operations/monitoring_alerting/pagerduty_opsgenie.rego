# METADATA
# title: "PagerDuty/OpsGenie: Integration tested"
# description: >-
#   Checklist item 6.3.3 (6.3 Monitoring & Alerting). Decided from Alertmanager receivers: a
#   PagerDuty or Opsgenie integration with its credential configured, on a receiver that the
#   route tree delivers critical alerts to. A delivery test is not visible in configuration;
#   the message says so.
# custom:
#   id: "6.3.3"
#   section: "6.3 Monitoring & Alerting"
#   severity: high
#   criteria:
#     - "Integration tested"
#   evidence:
#     - monitoring.alertmanager
#     - monitoring.alerts
#   remediation: >-
#     Configure a pagerduty_configs or opsgenie_configs receiver and route severity=critical
#     alerts to it; send a test alert (amtool alert add) to confirm delivery.
package gonogo.items.operations.monitoring_alerting.pagerduty_opsgenie

import data.gonogo.items.monitoring.lib.alerting
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

entries := array.concat(
	object.get(alerting.section, ["alertmanager", "integrations", "pagerduty"], []),
	object.get(alerting.section, ["alertmanager", "integrations", "opsgenie"], []),
)

ready := [e | some e in entries; e.configured; e.critical_alerts > 0]

criteria["Integration tested"] := result.pending("Alertmanager configuration (monitoring collector)") if {
	not alerting.collected("alertmanager")
} else := result.fail("no Alertmanager configuration found (route and receivers)", []) if {
	count(alerting.section.alertmanager.configs) == 0
} else := result.fail("no receiver has a pagerduty_configs or opsgenie_configs integration", []) if {
	count(entries) == 0
} else := result.pass(
	sprintf(
		"%s (delivery test not visible in configuration)",
		[concat("; ", [_ready_text(e) | some e in ready])],
	),
	[e.ref | some e in ready],
) if {
	count(ready) > 0
} else := result.fail(
	concat("; ", [_problem(e) | some e in entries]),
	[e.ref | some e in entries],
)

_problem(e) := sprintf("receiver %s (%s): %s integration has no routing/service/API key", [e.receiver, e.ref, e.type]) if {
	not e.configured
} else := sprintf("receiver %s (%s): %s configured, but no critical alert is routed to it", [e.receiver, e.ref, e.type])

_ready_text(e) := sprintf("receiver %s (%s): %s configured, reached by %d critical alerts", [e.receiver, e.ref, e.type, e.critical_alerts])
