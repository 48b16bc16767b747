# METADATA
# title: Privacy notice and data-subject operations (helpers for 8.1.1 and 8.1.2)
# description: >-
#   The privacy policy or notice comes from the documents collector (a Markdown document titled
#   like one, kind privacy_policy); it counts only with content (privacy.min_words words, not a
#   heading alone) and a `published:` URL in its front matter. That URL is typed by hand, so the
#   pass is declared: on the critical/high privacy items it needs an attestation by the Product
#   Manager (custom.attested_by of the item). The data-subject operations come from the
#   application collector (OpenAPI operations and routes in code).
# custom:
#   thresholds:
#     - name: privacy.min_words
#       default: 100
#       unit: words
#       description: Fewest words a privacy policy or notice must have to count as published content.
package gonogo.items.compliance.data_privacy.privacy_notice

import data.gonogo.lib.application as app
import data.gonogo.lib.documents
import data.gonogo.lib.result

_min_words := result.threshold("privacy.min_words", 100)

_docs := documents.of_kind("privacy_policy")

_longest := doc if {
	most := max([object.get(d, "words", 0) | some d in _docs])
	doc := [d | some d in _docs; object.get(d, "words", 0) == most][0]
}

# METADATA
# description: >-
#   A privacy policy or notice with content, published at the URL its front matter names
#   (declared).
published := result.pending("the documents collector (a privacy policy in the repository)") if {
	not documents.collected
} else := result.nothing("privacy policy or notice (a document titled like one, or kind \"privacy_policy\" in paths.documents)") if {
	count(_docs) == 0
} else := result.fail(
	sprintf("%s has %d words < %d: a heading, not a policy", [_longest.path, object.get(_longest, "words", 0), _min_words]),
	[_longest.provenance.ref],
) if {
	object.get(_longest, "words", 0) < _min_words
} else := result.fail(
	sprintf("%s (%d words) is not published: no `published:` URL in its front matter", [_longest.path, _longest.words]),
	[_longest.provenance.ref],
) if {
	not _longest.published_url
} else := result.declared(
	sprintf("%s (%d words) published at %s", [_longest.path, _longest.words, _longest.published_url]),
	[_longest.provenance.ref],
)

_apis := app.facts("privacy", "apis")

_not_collected := result.pending("the application collector (OpenAPI descriptions and routes in code)")

# METADATA
# description: An export operation for the user or account resource.
data_export := _operation(app.facts("privacy", "data_export"), _apis, "data export operation") if {
	app.collected
} else := _not_collected

# METADATA
# description: A deletion operation for the user or account resource.
data_deletion := _operation(app.facts("privacy", "data_deletion"), _apis, "user or account deletion operation") if {
	app.collected
} else := _not_collected

# METADATA
# description: An opt-out operation or route, a Do Not Sell link, or Global Privacy Control handling.
opt_out := _operation(app.facts("privacy", "opt_out"), _apis, "opt-out mechanism") if {
	app.collected
} else := _not_collected

# The operation found, else a fail when APIs or routes were searched, else pending (nothing to judge).
_operation(found, apis, label) := result.pass(sprintf("%s: %s", [label, app.text(found)]), app.refs(found)) if {
	count(found) > 0
} else := result.fail(sprintf("no %s in %d API(s) or route file(s): %s", [label, count(apis), app.text(apis)]), app.refs(apis)) if {
	count(apis) > 0
} else := result.pending(sprintf("an API description or routes in code to look for a %s in: none found", [label]))
