# METADATA
# title: "Communication Channels: Slack/Teams channels set up"
# description: >-
#   Checklist item 6.2.5 (6.2 Team Preparedness). Decided from on-call, escalation and training records.
# custom:
#   id: "6.2.5"
#   section: "6.2 Team Preparedness"
#   severity: low
#   criteria:
#     - "Slack/Teams channels set up"
#   evidence:
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide on-call, escalation and training records so gonogo can verify this item.
package gonogo.items.operations.team_preparedness.communication_channels

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Slack/Teams channels set up"] := result.pending("on-call, escalation and training records")
