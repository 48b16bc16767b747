# METADATA
# title: "Rollback Procedures: Documented and rehearsed"
# description: >-
#   Checklist item 6.1.2. A rollback procedure with numbered steps and a recorded rehearsal
#   (front matter `tested:`) no older than `documents.max_test_age_days`.
# custom:
#   id: "6.1.2"
#   section: "6.1 Runbooks & Documentation"
#   severity: critical
#   criteria:
#     - "Documented and rehearsed"
#   attested_by:
#     "Documented and rehearsed": DevOps Lead
#   evidence:
#     - operations.documents
#   remediation: >-
#     Write docs/rollback.md with numbered steps; rehearse it and record the date as `tested:`.
package gonogo.items.operations.runbooks_documentation.rollback_procedures

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

criteria["Documented and rehearsed"] := documents.rehearsed("rollback", "rollback procedure")
