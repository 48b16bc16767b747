# METADATA
# title: Document helpers
# description: >-
#   Lookups and verdicts for the documents collector's facts (input.operations.documents,
#   documents by kind). "Now" is the snapshot's metadata.created_at, so a snapshot re-evaluated
#   later gives the same verdict.
#   What "X present" means for documents (docs/verdicts.md): the subject of a criterion is a
#   document of the kind(s) it reads (a runbook, an SLA...). With no document of those kinds
#   collected there is nothing to judge: pending, "no <kind> collected" (an empty repository,
#   a repository without a docs folder, one whose documents are all of other kinds). A document
#   of the kind that lacks the section, the steps, the rehearsal or the URL is present and
#   fails, naming the document.
# custom:
#   thresholds:
#     - name: documents.min_steps
#       default: 3
#       unit: count
#       description: Fewest numbered steps a written procedure must have.
#     - name: documents.max_test_age_days
#       default: 180
#       unit: days
#       description: Oldest rehearsal (front matter tested) accepted.
#     - name: documents.min_section_words
#       default: 15
#       unit: count
#       description: Fewest words under a heading for the heading to count as written.
package gonogo.lib.documents

import data.gonogo.lib.result

_day_ns := ((24 * 60) * 60) * 1000000000

# METADATA
# description: The documents collector ran (even if it found nothing).
collected if input.operations.documents

# METADATA
# description: All documents of a kind, [] when none were found.
of_kind(kind) := object.get(input.operations.documents, kind, [])

# METADATA
# description: The evidence references of a list of documents.
refs(docs) := [doc.provenance.ref | some doc in docs]

# METADATA
# description: Whole days between a YYYY-MM-DD date and the snapshot's creation.
age_days(day) := floor((time.parse_rfc3339_ns(input.metadata.created_at) - time.parse_ns("2006-01-02", day)) / _day_ns)

# METADATA
# description: The document of a kind with the most concrete steps (the one to judge).
best(kind) := doc if {
	docs := of_kind(kind)
	most := max([object.get(d, "steps", 0) | some d in docs])
	doc := [d | some d in docs; object.get(d, "steps", 0) == most][0]
}

_missing(kind, label) := result.nothing(sprintf("%s (a document titled like one, or kind %q in paths.documents)", [label, kind]))

_no_rehearsal := "no record that it was rehearsed (front matter `tested: YYYY-MM-DD`)"

_no_url := "no `published:` URL in its front matter"

_pending_docs := result.pending("the documents collector (operations documents in the repository)")

# METADATA
# description: >-
#   A written procedure with at least documents.min_steps numbered steps (default 3).
procedure(kind, label) := _pending_docs if {
	not collected
} else := _missing(kind, label) if {
	count(of_kind(kind)) == 0
} else := result.fail(sprintf("%s %s has %d numbered steps < %d", [label, doc.path, doc.steps, minimum]), [doc.provenance.ref]) if {
	doc := best(kind)
	minimum := result.threshold("documents.min_steps", 3)
	doc.steps < minimum
} else := result.pass(sprintf("%s %s: %d numbered steps", [label, doc.path, doc.steps]), [doc.provenance.ref]) if {
	doc := best(kind)
}

# METADATA
# description: >-
#   A procedure that is written down (see procedure) and was rehearsed: front matter
#   `tested: YYYY-MM-DD` no older than documents.max_test_age_days (default 180).
rehearsed(kind, label) := r if {
	r := procedure(kind, label)
	r.verdict != "pass"
} else := result.fail(sprintf("%s %s: %s", [label, doc.path, _no_rehearsal]), [doc.provenance.ref]) if {
	doc := best(kind)
	not doc.last_tested
} else := result.fail(
	sprintf(
		"%s %s: last rehearsed %s, %d days ago > %d",
		[label, doc.path, doc.last_tested, age, max_age],
	),
	[doc.provenance.ref],
) if {
	doc := best(kind)
	age := age_days(doc.last_tested)
	max_age := result.threshold("documents.max_test_age_days", 180)
	age > max_age
} else := result.declared(
	sprintf("%s %s: %d numbered steps, rehearsed %s by its front matter", [label, doc.path, doc.steps, doc.last_tested]),
	[doc.provenance.ref],
) if {
	doc := best(kind)
}

# METADATA
# description: >-
#   A document of the kind that is published: front matter `published: URL`
#   (or an OpenAPI servers[0].url).
published(kind, label) := _pending_docs if {
	not collected
} else := _missing(kind, label) if {
	count(of_kind(kind)) == 0
} else := result.declared(sprintf("%s %s published at %s by its front matter", [label, doc.path, doc.published_url]), [doc.provenance.ref]) if {
	doc := [d | some d in of_kind(kind); d.published_url][0]
} else := result.fail(sprintf("%s %s exists but is not published (%s)", [label, doc.path, _no_url]), [doc.provenance.ref]) if {
	doc := of_kind(kind)[0]
}

# METADATA
# description: >-
#   A document of one of the kinds has a heading matching the regular expression with at
#   least documents.min_section_words words under it; the message says what it looked for.
has_heading(kinds, pattern, label) := _pending_docs if {
	not collected
} else := result.pass(
	sprintf("%s: heading %q in %s (%d words under it)", [label, hit.heading, hit.doc.path, hit.words]),
	[hit.doc.provenance.ref],
) if {
	hit := _written(kinds, pattern)[0]
} else := result.fail(
	sprintf("%s: heading %q in %s has %d word(s) under it < %d", [label, hit.heading, hit.doc.path, hit.words, _min_words]),
	[hit.doc.provenance.ref],
) if {
	hit := _heading_hits(kinds, pattern)[0]
} else := result.fail(sprintf("%s: no heading matching /%s/ in %s", [label, pattern, concat(", ", _paths(kinds))]), refs(_docs(kinds))) if {
	count(_docs(kinds)) > 0
} else := none_of(kinds, label)

# METADATA
# description: >-
#   Nothing to judge for a criterion read from documents of kinds: pending, with the message
#   "<label>: no <kind> or <kind> document collected".
none_of(kinds, label) := object.union(
	result.nothing(sprintf("%s document", [concat(" or ", [replace(k, "_", " ") | some k in kinds])])),
	{"message": sprintf("%s: no %s document collected", [label, concat(" or ", [replace(k, "_", " ") | some k in kinds])])},
)

_min_words := result.threshold("documents.min_section_words", 15)

# A heading counts with the words under it (the documents collector's sections); a document
# from before sections were collected has none, and its headings count as empty.
_heading_hits(kinds, pattern) := [{"doc": doc, "heading": heading, "words": _words(doc, heading)} |
	some doc in _docs(kinds)
	some heading in object.get(doc, "headings", [])
	regex.match(pattern, heading)
]

_written(kinds, pattern) := [hit | some hit in _heading_hits(kinds, pattern); hit.words >= _min_words]

_words(doc, heading) := max([0, max([section.words |
	some section in object.get(doc, "sections", [])
	section.heading == heading
])]) if {
	count([1 | some section in object.get(doc, "sections", []); section.heading == heading]) > 0
} else := 0

_docs(kinds) := [doc | some kind in kinds; some doc in of_kind(kind)]

_paths(kinds) := [doc.path | some doc in _docs(kinds)]
