# METADATA
# title: "Rollback Plan: Tested and documented"
# description: >-
#   Checklist item 10.1.5 (10.1 Pre-Launch Checklist). Decided from pre-launch records.
# custom:
#   id: "10.1.5"
#   section: "10.1 Pre-Launch Checklist"
#   severity: critical
#   criteria:
#     - "Tested and documented"
#   evidence:
#     - attestations
#   remediation: >-
#     Provide pre-launch records so gonogo can verify this item.
package gonogo.items.final.pre_launch_checklist.rollback_plan

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Tested and documented"] := result.pending("pre-launch records")
