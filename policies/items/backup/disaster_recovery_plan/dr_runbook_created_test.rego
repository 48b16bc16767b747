package gonogo.items.backup.disaster_recovery_plan.dr_runbook_created_test

import data.gonogo.items.backup.disaster_recovery_plan.dr_runbook_created
import data.gonogo.lib.testing

test_passes_with_complete_runbook if {
	r := dr_runbook_created.report with input as testing.documents_snapshot({
		"dr_runbook": [
			testing.with_sections(
				testing.document("dr_runbook", "docs/disaster-recovery.md", {
					"steps": 8,
					"headings": ["disaster recovery", "contacts", "escalation", "communication templates"],
				}),
				40,
			),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "8 numbered steps")
}

test_fails_without_contacts if {
	r := dr_runbook_created.report with input as testing.documents_snapshot({
		"dr_runbook": [
			testing.with_sections(
				testing.document("dr_runbook", "docs/disaster-recovery.md", {
					"steps": 8,
					"headings": ["disaster recovery", "escalation", "communication templates"],
				}),
				40,
			),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "contact information: no heading matching")
}

test_fails_without_steps if {
	r := dr_runbook_created.report with input as testing.documents_snapshot({
		"dr_runbook": [
			testing.with_sections(
				testing.document("dr_runbook", "docs/disaster-recovery.md", {
					"steps": 0,
					"headings": ["disaster recovery", "contacts", "escalation", "templates"],
				}),
				40,
			),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "0 numbered steps")
}

test_nothing_to_judge_when_missing if {
	r := dr_runbook_created.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "no disaster-recovery runbook (")
}

test_pending_without_documents_collector if {
	r := dr_runbook_created.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}

test_a_runbook_lacking_escalation_and_templates_fails_naming_it if {
	r := dr_runbook_created.report with input as testing.documents_snapshot({
		"dr_runbook": [
			testing.with_sections(
				testing.document("dr_runbook", "docs/disaster-recovery.md", {
					"steps": 8,
					"headings": ["disaster recovery", "contacts"],
				}),
				40,
			),
		],
	})
	r.verdict == "fail"
	escalation := testing.criterion(r, "Escalation paths defined")
	escalation.verdict == "fail"
	startswith(escalation.message, "escalation path: no heading matching")
	escalation.evidence == ["docs/disaster-recovery.md:1"]
	templates := testing.criterion(r, "Communication templates prepared")
	templates.verdict == "fail"
	templates.evidence == ["docs/disaster-recovery.md:1"]
}
