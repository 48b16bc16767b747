package gonogo.items.data_pipeline.recovery.backfill_runbook_test

import data.gonogo.items.data_pipeline.recovery.backfill_runbook
import data.gonogo.lib.testing

runbook(headings) := {"operations": {"documents": {"incident_response": [{
	"path": "docs/incident-response.md",
	"headings": headings,
	"provenance": {"ref": "docs/incident-response.md:1"},
}]}}}

test_passes_with_a_backfill_section if {
	backfill_runbook.report.verdict == "pass" with input as runbook(["incident response runbook", "backfill"])
}

test_passes_with_a_replay_section if {
	backfill_runbook.report.verdict == "pass" with input as runbook(["Replaying a missed window"])
}

test_fails_when_no_runbook_says_how_to_backfill if {
	backfill_runbook.report.verdict == "fail" with input as runbook(["triage", "escalation"])
}

test_pending_without_runbooks if {
	testing.verdict(backfill_runbook.report, "Backfill procedure documented") == "pending" with input as {}
}
