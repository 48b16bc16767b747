# METADATA
# title: "API Documentation: Published and accessible"
# description: >-
#   Checklist item 6.1.5. An OpenAPI (or Swagger) description with at least one operation and a
#   published location (`servers[0].url`).
# custom:
#   id: "6.1.5"
#   section: "6.1 Runbooks & Documentation"
#   severity: medium
#   criteria:
#     - "Published and accessible"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Commit the OpenAPI description of the service with its `servers` URL.
package gonogo.items.operations.runbooks_documentation.api_documentation

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

criteria["Published and accessible"] := api_published

_specs := documents.of_kind("api_reference")

_usable := [spec | some spec in _specs; object.get(spec, "operations", 0) > 0]

# METADATA
# description: An OpenAPI description with operations and a published servers URL.
api_published := result.pending("the documents collector (operations documents in the repository)") if {
	not documents.collected
} else := result.nothing("OpenAPI or Swagger description") if {
	count(_specs) == 0
} else := result.fail(sprintf("%s: the API description has no operations", [_specs[0].path]), documents.refs(_specs)) if {
	count(_usable) == 0
} else := result.pass(sprintf("%s: %d operations, published at %s", [spec.path, spec.operations, spec.published_url]), [spec.provenance.ref]) if {
	spec := [s | some s in _usable; s.published_url][0]
} else := result.fail(
	sprintf("%s: %d operations but no servers[0].url saying where it is published", [
		_usable[0].path,
		_usable[0].operations,
	]),
	[_usable[0].provenance.ref],
)
