# METADATA
# title: "PagerDuty/OpsGenie: Integration tested"
# description: >-
#   Checklist item 6.3.3 (6.3 Monitoring & Alerting). Two things, both needed: an integration
#   that exists (an Alertmanager pagerduty_configs or opsgenie_configs receiver with its key,
#   reached by critical alerts; or an enabled pagerduty_service_integration or
#   opsgenie_api_integration in a Terraform plan), and a record that it was tested: a verified
#   attestation by the DevOps Lead covering 6.3.3 (a test alert delivered, e.g. amtool alert add).
#   Where an Alertmanager configuration is found, a receiver without its key, one no critical
#   alert reaches, or no such receiver at all fails, whatever is attested. Critical alerts are
#   counted with the one notion of an alert the alert items share (alerting.is_alert): the
#   receiver's critical alerts (monitoring.alertmanager.receivers) that Prometheus would load.
#   With no alerting rule collected at all, a keyed receiver has nothing to judge: pending
#   "no alert rules collected", never "no critical alert is routed".
# custom:
#   id: "6.3.3"
#   section: "6.3 Monitoring & Alerting"
#   severity: high
#   criteria:
#     - "Integration tested"
#   evidence:
#     - monitoring.alertmanager
#     - monitoring.alerts
#     - infrastructure.alert_integrations
#     - attestations
#   remediation: >-
#     Configure a pagerduty_configs or opsgenie_configs receiver and route severity=critical
#     alerts to it; send a test alert (amtool alert add) and, once it paged, have the DevOps Lead
#     attest it: gonogo attest 6.3.3 --role "DevOps Lead" --statement ...
package gonogo.items.operations.monitoring_alerting.pagerduty_opsgenie

import data.gonogo.items.monitoring.lib.alerting
import data.gonogo.items.operations.lib.oncall
import data.gonogo.lib.attestations
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

entries := array.concat(
	object.get(alerting.section, ["alertmanager", "integrations", "pagerduty"], []),
	object.get(alerting.section, ["alertmanager", "integrations", "opsgenie"], []),
)

ready := [e | some e in entries; e.configured; critical_alerts(e) > 0]

# METADATA
# description: The critical alerts (alerting.is_alert) the route tree sends to an integration's receiver.
critical_alerts(e) := count([key |
	some key in object.get(alerting.section, ["alertmanager", "receivers", e.receiver, "critical_alerts"], [])
	alerting.alerts[key]
])

_terraform := [i | some i in oncall.facts("alert_integrations"); i.enabled]

_existing := array.concat([_ready_text(e) | some e in ready], [_integration_text(i) | some i in _terraform])

_existing_refs := array.concat([e.ref | some e in ready], oncall.refs(_terraform))

_tests := [e | some cover in ["6.3.3", "6.3.3#1"]; some e in attestations.verified(cover, "DevOps Lead")]

# An Alertmanager configuration was found: its receivers must page (a folder without one may page
# from elsewhere, e.g. a Terraform-managed integration, so no configuration is nothing to judge).
_alertmanager if count(object.get(alerting.section, ["alertmanager", "configs"], [])) > 0

criteria["Integration tested"] := result.fail("no receiver has a pagerduty_configs or opsgenie_configs integration", []) if {
	_alertmanager
	count(entries) == 0
} else := _no_rules if {
	_alertmanager
	count(ready) == 0
	count(_configured) > 0
	not alerting.rules_collected
} else := result.fail(
	concat("; ", [_problem(e) | some e in entries]),
	[e.ref | some e in entries],
) if {
	_alertmanager
	count(ready) == 0
} else := _tested if {
	count(_existing) > 0
} else := result.pending(concat("", [
	"a PagerDuty/Opsgenie integration (Alertmanager receiver or Terraform) ",
	"and an attestation by the DevOps Lead that it was tested",
]))

# An integration exists: passed by a test record (a DevOps Lead attestation), else pending for one.
_tested := object.union(result.attested(_tests[0]), {
	"message": sprintf("%s; tested: %s", [concat("; ", _existing), result.attested(_tests[0]).message]),
	"evidence": array.concat(_existing_refs, result.attested(_tests[0]).evidence),
}) if {
	count(_tests) > 0
} else := {
	"verdict": "pending",
	"message": sprintf(
		"%s; no record that it was tested: needs an attestation by the DevOps Lead covering 6.3.3 (a test alert delivered)",
		[concat("; ", _existing)],
	),
	"evidence": _existing_refs,
}

_configured := [e | some e in entries; e.configured]

# A keyed receiver, but no alerting rule collected: which critical alerts reach it cannot be
# judged (nothing to judge, docs/verdicts.md), so neither can a test of it.
_no_rules := {
	"verdict": "pending",
	"message": sprintf("%s: %s", [
		alerting.no_rules.message,
		concat("; ", [sprintf(
			"receiver %s (%s): %s configured, the critical alerts that reach it are not in view",
			[e.receiver, e.ref, e.type],
		) |
			some e in _configured
		]),
	]),
	"evidence": [e.ref | some e in _configured],
}

_problem(e) := sprintf("receiver %s (%s): %s integration has no routing/service/API key", [e.receiver, e.ref, e.type]) if {
	not e.configured
} else := sprintf("receiver %s (%s): %s configured, but no critical alert is routed to it", [e.receiver, e.ref, e.type])

_ready_text(e) := sprintf("receiver %s (%s): %s configured, reached by %d critical alerts", [e.receiver, e.ref, e.type, critical_alerts(e)])

_integration_text(i) := sprintf("%s integration %q (%s)", [i.provider, oncall.name(i), i.provenance.ref])
