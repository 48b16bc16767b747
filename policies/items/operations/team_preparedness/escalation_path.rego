# METADATA
# title: "Escalation Path: Contacts documented"
# description: >-
#   Checklist item 6.2.2. An escalation, on-call, incident-response or DR document with a section on
#   escalation or contacts.
# custom:
#   id: "6.2.2"
#   section: "6.2 Team Preparedness"
#   severity: high
#   criteria:
#     - "Contacts documented"
#   evidence:
#     - operations.documents
#     - attestations
#   remediation: >-
#     Add an "Escalation contacts" section to the on-call or incident-response runbook.
package gonogo.items.operations.team_preparedness.escalation_path

import data.gonogo.lib.documents
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Contacts documented"] := documents.has_heading(
	["escalation", "on_call", "incident_response", "dr_runbook"],
	"escalat|contact",
	"escalation contacts",
)
