# METADATA
# title: "Alert Runbooks: Created for all critical alerts"
# description: >-
#   Checklist item 6.3.1 (6.3 Monitoring & Alerting). Decided from Prometheus alerting rules
#   labelled severity critical (or page, p1, sev1, emergency): each must carry a runbook_url (or
#   runbook) annotation that is an http(s) URL or resolves to a file in the repository (relative
#   to the repository root or to the rule file; the collector checks the file exists). Alerts are
#   counted with the one notion of an alert the alert items share (alerting.is_alert: its PromQL
#   parses and promtool does not reject its rule file); with no alerting rule, or no critical
#   one, there is nothing to judge (pending).
# custom:
#   id: "6.3.1"
#   section: "6.3 Monitoring & Alerting"
#   severity: high
#   criteria:
#     - "Created for all critical alerts"
#   evidence:
#     - monitoring.alerts
#   remediation: >-
#     Write a runbook for each critical alert and link it with annotations.runbook_url
#     (a URL or a repository path such as docs/runbooks/<alert>.md).
package gonogo.items.operations.monitoring_alerting.alert_runbooks

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

alerts := alerting.alerts

critical := [a | some a in alerts; a.critical]

missing := [a | some a in critical; not a.runbook.kind in {"url", "file"}]

_kind_count(kind) := count([a | some a in critical; a.runbook.kind == kind])

_problem(a) := sprintf("%s (%s): no runbook_url annotation", [a.name, a.provenance.ref]) if {
	a.runbook.kind == "missing"
} else := sprintf("%s (%s): runbook_url %s is neither an http(s) URL nor a file in the repository", [a.name, a.provenance.ref, a.runbook.url])

_nothing(message) := {"verdict": "pending", "message": message, "evidence": []}

criteria["Created for all critical alerts"] := result.pending("Prometheus alerting rules (monitoring collector)") if {
	not alerting.collected("alerts")
} else := alerting.no_rules if {
	not alerting.rules_collected
} else := _nothing(sprintf(
	"no critical alerts collected: none of %d alerting rules Prometheus would load is labelled severity critical, page, p1, sev1 or emergency",
	[count(alerts)],
)) if {
	count(critical) == 0
} else := result.fail(
	sprintf("%d of %d critical alerts lack a runbook: %s", [count(missing), count(critical), concat("; ", [_problem(a) | some a in missing])]),
	[a.provenance.ref | some a in missing],
) if {
	count(missing) > 0
} else := result.pass(
	sprintf("all %d critical alerts link a runbook (%d repository files, %d URLs)", [count(critical), _kind_count("file"), _kind_count("url")]),
	[a.provenance.ref | some a in critical],
)
