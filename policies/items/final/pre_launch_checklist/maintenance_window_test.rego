package gonogo.items.final.pre_launch_checklist.maintenance_window_test

import data.gonogo.items.final.pre_launch_checklist.maintenance_window
import data.gonogo.lib.testing

_now := {"metadata": {"created_at": "2026-11-01T00:00:00Z"}}

pagerduty(start, end) := object.union(_now, {"infrastructure": {"plans": {"plan.json": {}}, "maintenance_windows": {"w": {
	"address": "pagerduty_maintenance_window.launch", "provider": "pagerduty", "summary": "Launch cut-over",
	"start": start, "end": end,
	"provenance": {"collector": "terraform", "file": "plan.json", "ref": "plan.json:pagerduty_maintenance_window.launch"},
}}}})

calendar(summary, categories, end, recurring, until) := object.union(_now, {"operations": {"repository": {"calendar_events": {"e": {
	"line": 4, "summary": summary, "categories": categories, "start": "2026-01-04T01:00:00Z", "end": end,
	"recurring": recurring, "until": until,
	"provenance": {"collector": "repository", "file": "ops/maintenance.ics", "ref": "ops/maintenance.ics:4", "line": 4},
}}}}})

test_passes_with_an_upcoming_pagerduty_window if {
	r := maintenance_window.report with input as pagerduty("2026-11-15T01:00:00Z", "2026-11-15T03:00:00Z")
	r.verdict == "pass"
	c := testing.criterion(r, "Scheduled (if needed)")
	msg := c.message
	msg == `pagerduty maintenance window "Launch cut-over" 2026-11-15T01:00:00Z to 2026-11-15T03:00:00Z (plan.json:pagerduty_maintenance_window.launch)`
	c.assurance == "measured"
}

test_passes_with_an_upcoming_calendar_event_declared if {
	r := maintenance_window.report with input as calendar("Launch", ["MAINTENANCE"], "2026-11-15T03:00:00Z", false, null)
	r.verdict == "pass"
	testing.criterion(r, "Scheduled (if needed)").assurance == "declared"
}

test_passes_with_a_recurring_window_until_later if {
	r := maintenance_window.report with input as calendar("Weekly maintenance", [], "2026-01-04T03:00:00Z", true, "2027-12-31T00:00:00Z")
	r.verdict == "pass"
	contains(testing.criterion(r, "Scheduled (if needed)").message, ", recurring (ops/maintenance.ics:4)")
}

test_fails_when_every_window_has_ended if {
	r := maintenance_window.report with input as pagerduty("2026-02-01T01:00:00Z", "2026-02-01T03:00:00Z")
	r.verdict == "fail"
	startswith(testing.criterion(r, "Scheduled (if needed)").message, "every maintenance window found has ended: pagerduty maintenance window")
}

test_fails_when_the_recurrence_ended if {
	r := maintenance_window.report with input as calendar("Weekly maintenance", [], "2026-01-04T03:00:00Z", true, "2026-06-01T00:00:00Z")
	r.verdict == "fail"
}

test_other_calendar_events_are_not_windows if {
	r := maintenance_window.report with input as calendar("Team offsite", [], "2026-12-04T00:00:00Z", false, null)
	r.verdict == "pending"
}

test_not_applicable_when_context_says_no if {
	no := {"context": {"needs_maintenance_window": false}}
	r := maintenance_window.report with input as object.union(pagerduty("2026-02-01T01:00:00Z", "2026-02-01T03:00:00Z"), no)
	r.verdict == "not_applicable"
	testing.criterion(r, "Scheduled (if needed)").message == "context.needs_maintenance_window is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := maintenance_window.report with input as {"context": {"needs_maintenance_window": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := maintenance_window.report with input as {}
	r.verdict == "pending"
}
