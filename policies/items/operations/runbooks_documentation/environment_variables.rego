# METADATA
# title: "Environment Variables: Documented with examples"
# description: >-
#   Checklist item 6.1.6. A `.env.example`-style file in which every variable has a comment line
#   above it, or a Markdown environment-variable reference. Only variable names are collected, never values.
# custom:
#   id: "6.1.6"
#   section: "6.1 Runbooks & Documentation"
#   severity: medium
#   criteria:
#     - "Documented with examples"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Commit .env.example with a comment above each variable (no real values).
package gonogo.items.operations.runbooks_documentation.environment_variables

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

criteria["Documented with examples"] := env_documented

_docs := documents.of_kind("env_vars")

_complete := [doc |
	some doc in _docs
	doc.format == "dotenv"
	count(doc.variables) > 0
	doc.documented_variables == count(doc.variables)
]

_references := [doc | some doc in _docs; doc.format == "markdown"]

# METADATA
# description: Every variable of a .env.example has a comment, or a Markdown reference exists.
env_documented := result.pending("the documents collector (operations documents in the repository)") if {
	not documents.collected
} else := result.nothing(".env.example (or environment-variable reference)") if {
	count(_docs) == 0
} else := result.pass(sprintf("%s: all %d variables documented", [doc.path, count(doc.variables)]), [doc.provenance.ref]) if {
	doc := _complete[0]
} else := result.pass(sprintf("environment variables documented in %s", [doc.path]), [doc.provenance.ref]) if {
	doc := _references[0]
} else := result.fail(
	sprintf("%s: %d of %d variables have no comment explaining them", [
		doc.path,
		count(doc.variables) - doc.documented_variables, count(doc.variables),
	]),
	[doc.provenance.ref],
) if {
	doc := _docs[0]
}
