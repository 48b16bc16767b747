# METADATA
# title: "Maintenance Window: Scheduled (if needed)"
# description: >-
#   Checklist item 10.1.7 (10.1 Pre-Launch Checklist). Decided from pre-launch records.
# custom:
#   id: "10.1.7"
#   section: "10.1 Pre-Launch Checklist"
#   severity: low
#   criteria:
#     - "Scheduled (if needed)"
#   evidence:
#     - attestations
#   remediation: >-
#     Provide pre-launch records so gonogo can verify this item.
package gonogo.items.final.pre_launch_checklist.maintenance_window

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Scheduled (if needed)"] := result.unless_false("needs_maintenance_window", result.pending("a maintenance-window record"))
