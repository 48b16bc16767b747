# METADATA
# title: "Backfill Runbook: A missed run can be replayed"
# description: >-
#   Data pipeline item 11.2.1 (11.2 Recovery). Decided from the runbooks the documents collector
#   found (incident response, disaster recovery, on-call): one of them has a section on
#   backfilling (a heading naming a backfill, re-run or replay).
# custom:
#   id: "11.2.1"
#   section: "11.2 Recovery"
#   section_title: "Data Pipeline Readiness"
#   severity: medium
#   criteria:
#     - "Backfill procedure documented"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Add a "Backfill" section to the incident-response runbook: how to pause the schedule, re-run
#     a missed window and check the result.
package gonogo.items.data_pipeline.recovery.backfill_runbook

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

runbook_kinds := {"incident_response", "dr_runbook", "on_call"}

runbooks := [doc |
	some kind in runbook_kinds
	some doc in object.get(input, ["operations", "documents", kind], [])
]

backfill_words := {"backfill", "re-run", "rerun", "replay"}

covering := [doc |
	some doc in runbooks
	some heading in doc.headings
	some word in backfill_words
	contains(lower(heading), word)
]

criteria["Backfill procedure documented"] := result.nothing("runbook") if count(runbooks) == 0

criteria["Backfill procedure documented"] := result.pass(
	sprintf("backfill section in %s", [concat(", ", sort({doc.path | some doc in covering}))]),
	sort({doc.provenance.ref | some doc in covering}),
) if {
	count(covering) > 0
}

criteria["Backfill procedure documented"] := result.fail(
	sprintf("%d runbook(s), none has a backfill, re-run or replay section", [count(runbooks)]),
	sort({doc.provenance.ref | some doc in runbooks}),
) if {
	count(runbooks) > 0
	count(covering) == 0
}
