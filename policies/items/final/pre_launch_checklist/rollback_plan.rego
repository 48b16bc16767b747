# METADATA
# title: "Rollback Plan: Tested and documented"
# description: >-
#   Checklist item 10.1.5. The rollback procedure (see 6.1.2), written down and rehearsed recently.
# custom:
#   id: "10.1.5"
#   section: "10.1 Pre-Launch Checklist"
#   severity: critical
#   criteria:
#     - "Tested and documented"
#   attested_by:
#     "Tested and documented": DevOps Lead
#   evidence:
#     - operations.documents
#     - attestations
#   remediation: >-
#     Rehearse the rollback before launch and record the date as `tested:` in docs/rollback.md.
package gonogo.items.final.pre_launch_checklist.rollback_plan

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

criteria["Tested and documented"] := documents.rehearsed("rollback", "rollback plan")
