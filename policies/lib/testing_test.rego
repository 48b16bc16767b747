package gonogo.lib.testing_test

import data.gonogo.lib.testing

_report := {"criteria": [
	{"text": "A", "verdict": "pass", "message": "ok", "evidence": []},
	{"text": "B", "verdict": "fail", "message": "bad", "evidence": ["f.yaml:3"]},
]}

test_criterion_finds_the_row_by_text if {
	testing.criterion(_report, "B") == {"text": "B", "verdict": "fail", "message": "bad", "evidence": ["f.yaml:3"]}
}

test_criterion_is_undefined_for_an_unknown_text if {
	not testing.criterion(_report, "C")
}

test_verdict_reads_one_criterion if {
	testing.verdict(_report, "A") == "pass"
	not testing.verdict(_report, "C")
}

test_verdicts_maps_every_text if {
	testing.verdicts(_report) == {"A": "pass", "B": "fail"}
}

test_all_criteria if {
	testing.all_criteria({"criteria": [{"text": "A", "verdict": "pending"}]}, "pending")
	not testing.all_criteria(_report, "pass")
	not testing.all_criteria({"criteria": []}, "pass")
}

test_documents_snapshot_and_document if {
	doc := testing.document("sla", "legal/sla.md", {"published_url": "https://example.com/sla"})
	doc.provenance.ref == "legal/sla.md:1"
	doc.published_url == "https://example.com/sla"
	snapshot := testing.documents_snapshot({"sla": [doc]})
	snapshot.operations.documents.sla == [doc]
	snapshot.metadata.created_at == "2026-11-01T00:00:00Z"
}
