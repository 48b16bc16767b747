# METADATA
# title: "Deployment Guide: Complete and tested"
# description: >-
#   Checklist item 6.1.1. A deployment guide (a Markdown document titled like one) with at least
#   `documents.min_steps` numbered steps whose front matter records a rehearsal (`tested: YYYY-MM-DD`)
#   no older than `documents.max_test_age_days`.
# custom:
#   id: "6.1.1"
#   section: "6.1 Runbooks & Documentation"
#   severity: high
#   criteria:
#     - "Complete and tested"
#   attested_by:
#     "Complete and tested": DevOps Lead
#   evidence:
#     - operations.documents
#   remediation: >-
#     Write docs/deployment.md with numbered steps; after each rehearsal set `tested:` in its front matter.
package gonogo.items.operations.runbooks_documentation.deployment_guide

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

criteria["Complete and tested"] := documents.rehearsed("deployment_guide", "deployment guide")
