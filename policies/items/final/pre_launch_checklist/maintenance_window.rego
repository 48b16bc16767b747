# METADATA
# title: "Maintenance Window: Scheduled (if needed)"
# description: >-
#   Checklist item 10.1.7 (10.1 Pre-Launch Checklist). A maintenance window that has not ended:
#   a pagerduty_maintenance_window in a Terraform plan (measured), or an iCalendar event whose
#   summary or categories say maintenance, downtime or cut-over (declared: a calendar file is
#   typed by hand), recurring ones until their UNTIL. Windows that all ended fail. Not applicable
#   when context.needs_maintenance_window is false.
# custom:
#   id: "10.1.7"
#   section: "10.1 Pre-Launch Checklist"
#   severity: low
#   criteria:
#     - "Scheduled (if needed)"
#   evidence:
#     - infrastructure.maintenance_windows
#     - operations.repository
#   remediation: >-
#     Schedule the launch's maintenance window (pagerduty_maintenance_window for the affected
#     services, or an .ics event with CATEGORIES:MAINTENANCE), or set
#     context.needs_maintenance_window: false in gonogo.yaml.
package gonogo.items.final.pre_launch_checklist.maintenance_window

import data.gonogo.items.operations.lib.oncall
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

_pattern := `(?i)maint[ae]nance|downtime|cut-?over`

_windows := [w | some w in oncall.facts("maintenance_windows"); is_string(w.end)]

_events := [e |
	some e in object.get(input, ["operations", "repository", "calendar_events"], {})
	is_string(e.end)
	_about_maintenance(e)
]

_about_maintenance(e) if regex.match(_pattern, e.summary)

_about_maintenance(e) if {
	some category in e.categories
	regex.match(_pattern, category)
}

_open(x) if not oncall.before_now(x.end)

_open(x) if {
	x.recurring
	x.until == null
}

_open(x) if {
	x.recurring
	is_string(x.until)
	not oncall.before_now(x.until)
}

_upcoming_windows := [w | some w in _windows; _open(w)]

_upcoming_events := [e | some e in _events; _open(e)]

_describe(w) := sprintf("%s maintenance window %q %s to %s (%s)", [w.provider, _summary(w), w.start, w.end, w.provenance.ref]) if {
	w.provider
} else := sprintf("calendar event %q %s to %s%s (%s)", [w.summary, w.start, w.end, _recurs(w), w.provenance.ref])

_summary(w) := w.summary if is_string(w.summary)

else := "unnamed"

_recurs(e) := ", recurring" if e.recurring

else := ""

_past := array.concat(_windows, _events)

_decided := result.pass(concat("; ", [_describe(w) | some w in _upcoming_windows]), oncall.refs(_upcoming_windows)) if {
	count(_upcoming_windows) > 0
} else := result.declared(concat("; ", [_describe(e) | some e in _upcoming_events]), oncall.refs(_upcoming_events)) if {
	count(_upcoming_events) > 0
} else := result.fail(
	sprintf("every maintenance window found has ended: %s", [concat("; ", [_describe(w) | some w in _past])]),
	oncall.refs(_past),
) if {
	count(_past) > 0
} else := result.pending("a maintenance-window record (pagerduty_maintenance_window in a Terraform plan, or a maintenance event in an .ics file)")

criteria["Scheduled (if needed)"] := result.unless_false("needs_maintenance_window", _decided)
