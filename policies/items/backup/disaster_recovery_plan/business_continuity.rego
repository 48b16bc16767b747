# METADATA
# title: "Business Continuity:"
# description: >-
#   Checklist item 5.2.3. A business-continuity (or DR) document with sections on critical workflows,
#   recovery priorities and stakeholder notification.
# custom:
#   id: "5.2.3"
#   section: "5.2 Disaster Recovery Plan"
#   severity: medium
#   criteria:
#     - "Critical workflows identified"
#     - "Recovery priority defined"
#     - "Stakeholder notification plan"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Write a business-continuity plan with those three sections.
package gonogo.items.backup.disaster_recovery_plan.business_continuity

import data.gonogo.lib.documents
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

criteria["Critical workflows identified"] := documents.has_heading(["business_continuity", "dr_runbook"], "critical", "critical workflows")
criteria["Recovery priority defined"] := documents.has_heading(["business_continuity", "dr_runbook"], "priorit", "recovery priority")
criteria["Stakeholder notification plan"] := documents.has_heading(
	["business_continuity", "communication_plan", "dr_runbook"],
	"stakeholder|notification",
	"stakeholder notification",
)
