package gonogo.items.backup.disaster_recovery_plan.business_continuity_test

import data.gonogo.items.backup.disaster_recovery_plan.business_continuity
import data.gonogo.lib.testing

test_passes_with_all_sections if {
	r := business_continuity.report with input as testing.documents_snapshot({
		"business_continuity": [
			testing.with_sections(
				testing.document("business_continuity", "docs/bcp.md", {
					"headings": [
						"business continuity",
						"critical workflows",
						"recovery priorities",
						"stakeholder notification",
					],
				}),
				40,
			),
		],
	})
	r.verdict == "pass"
	some c in r.criteria
	contains(c.message, "critical workflows")
}

test_fails_without_priorities if {
	r := business_continuity.report with input as testing.documents_snapshot({
		"business_continuity": [
			testing.with_sections(
				testing.document("business_continuity", "docs/bcp.md", {
					"headings": ["business continuity", "critical workflows", "stakeholder notification"],
				}),
				40,
			),
		],
	})
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "recovery priority: no heading")
}

test_nothing_to_judge_when_missing if {
	r := business_continuity.report with input as testing.documents_snapshot({})
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "no business continuity")
}

test_pending_without_documents_collector if {
	r := business_continuity.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "documents collector")
}

test_a_plan_lacking_workflows_and_notification_fails_naming_it if {
	r := business_continuity.report with input as testing.documents_snapshot({
		"business_continuity": [
			testing.with_sections(
				testing.document("business_continuity", "docs/bcp.md", {"headings": ["business continuity", "recovery priorities"]}),
				40,
			),
		],
	})
	r.verdict == "fail"
	workflows := testing.criterion(r, "Critical workflows identified")
	workflows.verdict == "fail"
	startswith(workflows.message, "critical workflows: no heading matching")
	workflows.evidence == ["docs/bcp.md:1"]
	testing.criterion(r, "Stakeholder notification plan").verdict == "fail"
}
