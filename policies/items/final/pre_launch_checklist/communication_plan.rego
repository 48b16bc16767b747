# METADATA
# title: "Communication Plan: Stakeholders notified"
# description: >-
#   Checklist item 10.1.6 (10.1 Pre-Launch Checklist). Decided from pre-launch records.
# custom:
#   id: "10.1.6"
#   section: "10.1 Pre-Launch Checklist"
#   severity: medium
#   criteria:
#     - "Stakeholders notified"
#   evidence:
#     - attestations
#   remediation: >-
#     Provide pre-launch records so gonogo can verify this item.
package gonogo.items.final.pre_launch_checklist.communication_plan

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Stakeholders notified"] := result.pending("pre-launch records")
