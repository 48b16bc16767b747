package gonogo.lib.documents_test

import data.gonogo.lib.documents
import data.gonogo.lib.testing

_runbook(fields) := testing.document("runbook", "docs/runbook.md", fields)

_with(docs) := testing.documents_snapshot({"runbook": docs})

test_collected_and_of_kind if {
	documents.collected with input as _with([])
	not documents.collected with input as {}
	documents.of_kind("runbook") == [_runbook({})] with input as _with([_runbook({})])
	documents.of_kind("sla") == [] with input as _with([_runbook({})])
	documents.refs([_runbook({})]) == ["docs/runbook.md:1"]
}

test_age_days_counts_whole_days_to_the_snapshot if {
	documents.age_days("2026-10-01") == 31 with input as _with([])
	documents.age_days("2026-11-01") == 0 with input as _with([])
}

test_best_is_the_document_with_most_steps if {
	docs := [_runbook({"steps": 2}), testing.document("runbook", "docs/b.md", {"steps": 5}), _runbook({})]
	documents.best("runbook").path == "docs/b.md" with input as _with(docs)
}

test_procedure_pending_missing_short_and_written if {
	documents.procedure("runbook", "runbook").verdict == "pending" with input as {}
	missing := documents.procedure("runbook", "runbook") with input as _with([])
	missing == {
		"verdict": "pending",
		"message": "no runbook (a document titled like one, or kind \"runbook\" in paths.documents) collected",
		"evidence": [],
	}
	short := documents.procedure("runbook", "runbook") with input as _with([_runbook({"steps": 2})])
	short == {"verdict": "fail", "message": "runbook docs/runbook.md has 2 numbered steps < 3", "evidence": ["docs/runbook.md:1"]}
	written := documents.procedure("runbook", "runbook") with input as _with([_runbook({"steps": 3})])
	written == {"verdict": "pass", "message": "runbook docs/runbook.md: 3 numbered steps", "evidence": ["docs/runbook.md:1"], "assurance": "measured"}
}

test_procedure_min_steps_is_a_threshold if {
	snapshot := object.union(_with([_runbook({"steps": 3})]), {"settings": {"thresholds": {"documents.min_steps": 5}}})
	documents.procedure("runbook", "runbook").verdict == "fail" with input as snapshot
}

test_rehearsed_needs_a_recent_rehearsal if {
	documents.rehearsed("runbook", "runbook").verdict == "pending" with input as {}
	never := documents.rehearsed("runbook", "runbook") with input as _with([_runbook({"steps": 4})])
	never.verdict == "fail"
	contains(never.message, "no record that it was rehearsed")
	old := documents.rehearsed("runbook", "runbook") with input as _with([_runbook({"steps": 4, "last_tested": "2026-01-01"})])
	old.message == "runbook docs/runbook.md: last rehearsed 2026-01-01, 304 days ago > 180"
	recent := documents.rehearsed("runbook", "runbook") with input as _with([_runbook({"steps": 4, "last_tested": "2026-09-15"})])
	recent.message == "runbook docs/runbook.md: 4 numbered steps, rehearsed 2026-09-15 by its front matter"
	recent.evidence == ["docs/runbook.md:1"]
	recent.verdict == "pass"
	recent.assurance == "declared"
}

test_published if {
	documents.published("runbook", "runbook").verdict == "pending" with input as {}
	documents.published("runbook", "runbook").verdict == "pending" with input as _with([])
	unpublished := documents.published("runbook", "runbook") with input as _with([_runbook({})])
	contains(unpublished.message, "exists but is not published")
	url := "https://example.com/runbook"
	published := documents.published("runbook", "runbook") with input as _with([_runbook({}), _runbook({"published_url": url})])
	published.message == "runbook docs/runbook.md published at https://example.com/runbook by its front matter"
	published.assurance == "declared"
}

test_has_heading if {
	documents.has_heading(["runbook"], `(?i)rollback`, "Rollback").verdict == "pending" with input as {}
	written := {"headings": ["intro", "rollback steps"], "sections": [{"heading": "intro", "words": 3}, {"heading": "rollback steps", "words": 40}]}
	hit := documents.has_heading(["runbook"], `(?i)rollback`, "Rollback") with input as _with([_runbook(written)])
	hit.message == `Rollback: heading "rollback steps" in docs/runbook.md (40 words under it)`
	hit.evidence == ["docs/runbook.md:1"]
	hit.verdict == "pass"
	hit.assurance == "measured"
	miss := documents.has_heading(["runbook"], `(?i)rollback`, "Rollback") with input as _with([_runbook({"headings": ["Intro"]})])
	miss == {"verdict": "fail", "message": "Rollback: no heading matching /(?i)rollback/ in docs/runbook.md", "evidence": ["docs/runbook.md:1"]}
	none := documents.has_heading(["runbook", "deployment_guide"], `x`, "X") with input as _with([])
	none == {"verdict": "pending", "message": "X: no runbook or deployment guide document collected", "evidence": []}
}

test_a_heading_with_nothing_under_it_does_not_count if {
	empty := {"headings": ["rollback"], "sections": [{"heading": "rollback", "words": 2}]}
	r := documents.has_heading(["runbook"], `(?i)rollback`, "Rollback") with input as _with([_runbook(empty)])
	r.verdict == "fail"
	r.message == `Rollback: heading "rollback" in docs/runbook.md has 2 word(s) under it < 15`
	no_sections := documents.has_heading(["runbook"], `(?i)rollback`, "Rollback") with input as _with([_runbook({"headings": ["rollback"]})])
	no_sections.verdict == "fail"
}
