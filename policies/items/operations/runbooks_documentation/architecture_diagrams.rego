# METADATA
# title: "Architecture Diagrams: Current and accurate"
# description: >-
#   Checklist item 6.1.4. An architecture document holding at least one diagram (Mermaid/PlantUML
#   block, image, or a diagram file) whose front matter `reviewed:` date is no older than
#   `documents.max_review_age_days` (default 180).
# custom:
#   id: "6.1.4"
#   section: "6.1 Runbooks & Documentation"
#   severity: low
#   criteria:
#     - "Current and accurate"
#   evidence:
#     - operations.documents
#   remediation: >-
#     Keep docs/architecture.md with a Mermaid diagram; review it each release and set `reviewed:`.
#   thresholds:
#     - name: documents.max_review_age_days
#       default: 180
#       unit: days
#       description: Oldest review (front matter last_reviewed) accepted.
package gonogo.items.operations.runbooks_documentation.architecture_diagrams

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

criteria["Current and accurate"] := current_diagram

_docs := documents.of_kind("architecture")

_with_diagrams := [doc | some doc in _docs; object.get(doc, "diagrams", 0) > 0]

# METADATA
# description: An architecture document with a diagram, reviewed within documents.max_review_age_days.
current_diagram := result.pending("the documents collector (operations documents in the repository)") if {
	not documents.collected
} else := result.nothing("architecture document (a Markdown document titled \"Architecture\", or a diagram file)") if {
	count(_docs) == 0
} else := result.fail(sprintf("architecture documents %v hold no diagram", [[doc.path | some doc in _docs]]), documents.refs(_docs)) if {
	count(_with_diagrams) == 0
} else := result.declared(
	sprintf("%s: %d diagram(s), reviewed %s by its front matter", [doc.path, doc.diagrams, doc.last_reviewed]),
	[doc.provenance.ref],
) if {
	doc := [d |
		some d in _with_diagrams
		documents.age_days(d.last_reviewed) <= result.threshold("documents.max_review_age_days", 180)
	][0]
} else := result.fail(sprintf("%s: never reviewed (front matter `reviewed: YYYY-MM-DD`)", [doc.path]), [doc.provenance.ref]) if {
	doc := _with_diagrams[0]
	not doc.last_reviewed
} else := result.fail(
	sprintf("%s: last reviewed %s, %d days ago > %d", [
		doc.path, doc.last_reviewed, documents.age_days(doc.last_reviewed),
		result.threshold("documents.max_review_age_days", 180),
	]),
	[doc.provenance.ref],
) if {
	doc := _with_diagrams[0]
}
