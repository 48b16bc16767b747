# METADATA
# title: "Incident Response: Runbooks created"
# description: >-
#   Checklist item 6.1.3. An incident-response runbook with at least `documents.min_steps` numbered steps.
# custom:
#   id: "6.1.3"
#   section: "6.1 Runbooks & Documentation"
#   severity: high
#   criteria:
#     - "Runbooks created"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Write an incident-response runbook (title it "Incident Response") with numbered steps.
package gonogo.items.operations.runbooks_documentation.incident_response

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

criteria["Runbooks created"] := documents.procedure("incident_response", "incident response runbook")
