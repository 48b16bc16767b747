package gonogo.items.final.post_deployment.team_availability_test

import data.gonogo.items.final.post_deployment.team_availability
import data.gonogo.lib.testing

layer(start, end, people, restricted) := {"name": "weekly", "start": start, "end": end, "participants": people, "restricted": restricted}

snapshot(layers) := {
	"metadata": {"created_at": "2026-11-01T00:00:00Z"},
	"infrastructure": {"plans": {"plan.json": {}}, "oncall_schedules": {"pagerduty_schedule.primary": {
		"address": "pagerduty_schedule.primary", "provider": "pagerduty", "name": "primary", "people": 2,
		"member_identities": [], "layers": layers,
		"provenance": {"collector": "terraform", "file": "plan.json", "ref": "plan.json:pagerduty_schedule.primary"},
	}}},
}

test_passes_with_an_open_ended_layer_that_started if {
	r := team_availability.report with input as snapshot([layer("2026-01-05T08:00:00Z", null, 2, false)])
	r.verdict == "pass"
	msg := testing.criterion(r, "On-call team ready").message
	msg == `pagerduty schedule "primary" (plan.json:pagerduty_schedule.primary): 2 people, 1 layer(s): covers now through the next 48 hours`
}

test_passes_with_a_layer_ending_after_the_horizon if {
	r := team_availability.report with input as snapshot([layer("2026-10-01T00:00:00Z", "2026-11-03T00:00:00Z", 2, false)])
	r.verdict == "pass"
}

test_fails_when_the_layer_ends_within_48_hours if {
	r := team_availability.report with input as snapshot([layer("2026-10-01T00:00:00Z", "2026-11-02T12:00:00Z", 2, false)])
	r.verdict == "fail"
	contains(testing.criterion(r, "On-call team ready").message, `layer "weekly" ends 2026-11-02T12:00:00Z, within 48 hours`)
}

test_fails_when_the_layer_starts_later if {
	r := team_availability.report with input as snapshot([layer("2026-12-01T00:00:00Z", null, 2, false)])
	r.verdict == "fail"
	contains(testing.criterion(r, "On-call team ready").message, `layer "weekly" starts 2026-12-01T00:00:00Z, after now`)
}

test_fails_when_nobody_is_on_the_layer if {
	r := team_availability.report with input as snapshot([layer("2026-01-01T00:00:00Z", null, 0, false)])
	r.verdict == "fail"
	contains(testing.criterion(r, "On-call team ready").message, "has nobody on it")
}

test_the_horizon_is_a_threshold if {
	thresholds := {"settings": {"thresholds": {"oncall.coverage_hours": 24}}}
	s := object.union(snapshot([layer("2026-10-01T00:00:00Z", "2026-11-02T12:00:00Z", 2, false)]), thresholds)
	r := team_availability.report with input as s
	r.verdict == "pass"
}

test_restricted_layers_fall_back_to_the_attestation if {
	r := team_availability.report with input as snapshot([layer("2026-01-01T00:00:00Z", null, 2, true)])
	r.verdict == "pending"
	contains(testing.criterion(r, "On-call team ready").message, "active layers have time restrictions")
	attested := object.union(snapshot([layer("2026-01-01T00:00:00Z", null, 2, true)]), testing.attested("10.3.3", "DevOps Lead", {}))
	r2 := team_availability.report with input as attested
	r2.verdict == "pass"
}

test_passes_with_the_devops_lead_attestation if {
	r := team_availability.report with input as testing.attested("10.3.3", "DevOps Lead", {})
	r.verdict == "pass"
	testing.criterion(r, "On-call team ready").assurance == "attested"
}

test_a_measured_gap_is_not_overridden_by_an_attestation if {
	s := object.union(snapshot([layer("2026-12-01T00:00:00Z", null, 2, false)]), testing.attested("10.3.3", "DevOps Lead", {}))
	r := team_availability.report with input as s
	r.verdict == "fail"
}

test_pending_without_evidence if {
	r := team_availability.report with input as {}
	r.verdict == "pending"
	testing.criterion(r, "On-call team ready").message == "needs an attestation by the DevOps Lead covering 10.3.3 or 10.3.3#1"
}
