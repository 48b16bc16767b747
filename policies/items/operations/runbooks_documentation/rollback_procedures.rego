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
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Documented and rehearsed"] := documents.rehearsed("rollback", "rollback procedure")
