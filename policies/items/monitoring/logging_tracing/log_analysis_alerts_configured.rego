# METADATA
# title: "Log analysis alerts configured"
# description: >-
#   Checklist item 3.3.6 (3.3 Logging & Tracing). Decided from alerting rules over logs: Loki
#   ruler rules whose expression is LogQL (rule files or Loki AlertingRule objects) and
#   ElastAlert rules.
# custom:
#   id: "3.3.6"
#   section: "3.3 Logging & Tracing"
#   severity: medium
#   criteria:
#     - "Log analysis alerts configured"
#   evidence:
#     - monitoring.logging
#   remediation: >-
#     Add Loki ruler alerting rules (LogQL, e.g. count_over_time({app="x"} |= "error" [5m]) > 0)
#     or ElastAlert rules for the log patterns that matter.
package gonogo.items.monitoring.logging_tracing.log_analysis_alerts_configured

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

log_alerts := object.get(alerting.section, ["logging", "log_alerts"], [])

criteria["Log analysis alerts configured"] := result.pending("logging configuration (monitoring collector)") if {
	not alerting.collected("logging")
} else := result.pass(
	sprintf("%d log alerts: %s", [count(log_alerts), concat(", ", [_describe(a) | some a in log_alerts])]),
	[a.provenance.ref | some a in log_alerts],
) if {
	count(log_alerts) > 0
} else := result.fail("no log-based alerting rule found (Loki ruler LogQL rules, ElastAlert rules)", [])

_describe(a) := sprintf("%s (%s, %s)", [a.name, a.engine, a.provenance.ref])
