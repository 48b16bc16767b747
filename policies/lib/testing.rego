# METADATA
# title: Test helpers
# description: >-
#   Helpers shared by the item tests (policies/items/**/*_test.rego) and the library tests.
#   An item test imports this package instead of defining its own lookup of a criterion:
#   `import data.gonogo.lib.testing` then `testing.criterion(r, "Text").verdict == "pass"`.
package gonogo.lib.testing

# METADATA
# description: >-
#   The criterion row of an item report whose text is text (undefined when the report has no
#   such criterion, so a test that reads it fails).
criterion(report, text) := c if {
	some c in report.criteria
	c.text == text
}

# METADATA
# description: The verdict of the criterion of report whose text is text.
verdict(report, text) := criterion(report, text).verdict

# METADATA
# description: The object criterion text -> verdict of an item report.
verdicts(report) := {c.text: c.verdict | some c in report.criteria}

# METADATA
# description: True when every criterion of the report has verdict v.
all_criteria(report, v) if {
	count(report.criteria) > 0
	every c in report.criteria {
		c.verdict == v
	}
}

# METADATA
# description: >-
#   A snapshot with the documents collector's section: docs_by_kind is the object
#   kind -> [document], and "now" (metadata.created_at) is 2026-11-01.
documents_snapshot(docs_by_kind) := {
	"metadata": {"created_at": "2026-11-01T00:00:00Z"},
	"operations": {"documents": docs_by_kind},
}

# METADATA
# description: >-
#   One document fact of a kind at path (title kind, provenance path:1), with the extra
#   fields (steps, last_tested, published_url, headings...) merged in.
document(kind, path, fields) := object.union(
	{
		"path": path,
		"title": kind,
		"provenance": {"collector": "documents", "file": path, "ref": sprintf("%s:1", [path])},
	},
	fields,
)

# METADATA
# description: >-
#   The input fragment of one verified attestation by role covering cover (an item, a
#   criterion "6.2.3#1" or "context.<flag>=false") with measured values: object.union it into
#   a test's input. The evaluator fills input.gonogo_run.trust the same way after verifying
#   signatures (gonogo/trust/assess.py).
attested(cover, role, values) := {"gonogo_run": {"trust": {"covers": {cover: [attestation_entry(role, values, true)]}}}}

# METADATA
# description: As attested, for an attestation that names another commit or image (stale).
attested_unbound(cover, role, values) := {"gonogo_run": {"trust": {"covers": {cover: [attestation_entry(role, values, false)]}}}}

# METADATA
# description: One verified attestation entry as the evaluator writes it.
attestation_entry(role, values, bound) := {
	"role": role,
	"signer": "alice@example.com",
	"statement": "tested",
	"values": values,
	"issued": "2026-11-01T00:00:00+00:00",
	"expires": "2027-01-30T00:00:00+00:00",
	"file": ".gonogo/attestations/a.dsse.json",
	"bound": bound,
}

# METADATA
# description: >-
#   doc with a section of words words under each of its headings, as the documents collector
#   records a written document (a heading with nothing under it does not count).
with_sections(doc, words) := object.union(doc, {"sections": [{"heading": h, "words": words} | some h in doc.headings]})
