# METADATA
# title: "Terms of Service: Published"
# description: >-
#   Checklist item from 8.3. The terms of service, found in the repository by its title, with the URL
#   where it is published in its front matter (`published:`).
# custom:
#   id: "8.3.1"
#   section: "8.3 Terms & Policies"
#   severity: medium
#   criteria:
#     - "Published"
#   evidence:
#     - operations.documents
#     - attestations
#   remediation: >-
#     Keep the terms of service in the repository with `published: <URL>` in its front matter.
package gonogo.items.compliance.terms_policies.terms_of_service

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

criteria["Published"] := documents.published("terms_of_service", "terms of service")
