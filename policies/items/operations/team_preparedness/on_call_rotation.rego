# METADATA
# title: "On-Call Rotation: Schedule defined"
# description: >-
#   Checklist item 6.2.1. An on-call (or incident-response) document with a section whose heading
#   names the schedule or rotation.
# custom:
#   id: "6.2.1"
#   section: "6.2 Team Preparedness"
#   severity: critical
#   criteria:
#     - "Schedule defined"
#   evidence:
#     - operations.documents
#     - attestations
#   remediation: >-
#     Document the on-call rotation (who, when, hand-over) under a "Rotation schedule" heading.
package gonogo.items.operations.team_preparedness.on_call_rotation

import data.gonogo.lib.documents
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Schedule defined"] := documents.has_heading(["on_call", "incident_response"], "schedule|rotation", "on-call schedule")
