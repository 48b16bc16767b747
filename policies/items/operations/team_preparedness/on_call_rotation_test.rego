package gonogo.items.operations.team_preparedness.on_call_rotation_test

import data.gonogo.items.operations.team_preparedness.on_call_rotation
import data.gonogo.lib.testing

schedule(people, layers) := {
	"address": "pagerduty_schedule.primary", "type": "pagerduty_schedule", "provider": "pagerduty",
	"name": "primary", "people": people, "member_identities": [],
	"layers": [{"name": "weekly", "start": "2026-01-05T08:00:00Z", "end": null, "participants": people, "restricted": false} |
		some _ in numbers.range(1, layers)
	],
	"provenance": {"collector": "terraform", "file": "plan.json", "ref": "plan.json:pagerduty_schedule.primary"},
}

terraform(schedules) := {"infrastructure": {"plans": {"plan.json": {}}, "oncall_schedules": schedules}}

test_passes_with_a_two_person_pagerduty_rotation if {
	r := on_call_rotation.report with input as terraform({"pagerduty_schedule.primary": schedule(2, 1)})
	r.verdict == "pass"
	c := testing.criterion(r, "Schedule defined")
	c.assurance == "measured"
	c.message == `pagerduty schedule "primary" (plan.json:pagerduty_schedule.primary): 2 people, 1 layer(s)`
}

test_passes_with_two_layers if {
	r := on_call_rotation.report with input as terraform({"pagerduty_schedule.primary": schedule(1, 2)})
	r.verdict == "pass"
}

test_fails_with_a_one_person_schedule if {
	r := on_call_rotation.report with input as terraform({"pagerduty_schedule.primary": schedule(1, 1)})
	r.verdict == "fail"
	contains(testing.criterion(r, "Schedule defined").message, "1 people, 1 layer(s) (fewer than 2 people")
}

test_fails_with_a_disabled_schedule if {
	disabled := object.union(schedule(3, 1), {"enabled": false})
	r := on_call_rotation.report with input as terraform({"s": disabled})
	r.verdict == "fail"
}

test_a_measured_schedule_wins_over_a_document if {
	snapshot := object.union(
		testing.documents_snapshot({"on_call": [testing.document("on_call", "docs/on-call.md", {"sections": [{"heading": "rotation", "words": 40}]})]}),
		terraform({"s": schedule(1, 1)}),
	)
	r := on_call_rotation.report with input as snapshot
	r.verdict == "fail"
}

test_a_written_rotation_is_declared_only if {
	r := on_call_rotation.report with input as testing.documents_snapshot({"on_call": [testing.document("on_call", "docs/on-call.md", {
		"headings": ["on-call", "rotation schedule"],
		"sections": [{"heading": "on-call", "words": 30}, {"heading": "rotation schedule", "words": 12}],
	})]})
	r.verdict == "pending"
	c := testing.criterion(r, "Schedule defined")
	startswith(c.message, `declared only (on-call schedule: section "rotation schedule" in docs/on-call.md (12 words))`)
}

test_fails_when_the_rotation_heading_is_empty if {
	r := on_call_rotation.report with input as testing.documents_snapshot({"on_call": [testing.document("on_call", "docs/on-call.md", {
		"headings": ["on-call", "rotation schedule"],
		"sections": [{"heading": "on-call", "words": 0}, {"heading": "rotation schedule", "words": 0}],
	})]})
	r.verdict == "fail"
	contains(testing.criterion(r, "Schedule defined").message, `heading "rotation schedule" in docs/on-call.md has 0 words under it (< 5)`)
}

test_fails_without_schedule_heading if {
	r := on_call_rotation.report with input as testing.documents_snapshot({
		"on_call": [testing.document("on_call", "docs/on-call.md", {"sections": [{"heading": "tools", "words": 9}]})],
	})
	r.verdict == "fail"
	contains(testing.criterion(r, "Schedule defined").message, "no heading matching")
}

test_nothing_to_judge_when_missing if {
	r := on_call_rotation.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	contains(testing.criterion(r, "Schedule defined").message, "no on call or incident response document")
}

test_pending_without_documents_collector if {
	r := on_call_rotation.report with input as {}
	r.verdict == "pending"
	contains(testing.criterion(r, "Schedule defined").message, "documents collector")
}
