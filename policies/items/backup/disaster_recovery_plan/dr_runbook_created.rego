# METADATA
# title: "DR Runbook Created:"
# description: >-
#   Checklist item 5.2.1. A disaster-recovery runbook with numbered recovery steps and sections for
#   contacts, escalation and communication templates.
# custom:
#   id: "5.2.1"
#   section: "5.2 Disaster Recovery Plan"
#   severity: high
#   criteria:
#     - "Step-by-step recovery procedures"
#     - "Contact information updated"
#     - "Escalation paths defined"
#     - "Communication templates prepared"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Write docs/disaster-recovery.md: numbered recovery steps, Contacts, Escalation, Communication templates.
package gonogo.items.backup.disaster_recovery_plan.dr_runbook_created

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

criteria["Step-by-step recovery procedures"] := documents.procedure("dr_runbook", "disaster-recovery runbook")
criteria["Contact information updated"] := documents.has_heading(["dr_runbook"], "contact", "contact information")
criteria["Escalation paths defined"] := documents.has_heading(["dr_runbook", "escalation"], "escalat", "escalation path")
criteria["Communication templates prepared"] := documents.has_heading(
	["dr_runbook", "communication_plan"],
	"template|communication",
	"communication templates",
)
