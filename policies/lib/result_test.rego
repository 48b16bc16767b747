package gonogo.lib.result_test

import data.gonogo.lib.result

_meta := {
	"scope": "package",
	"title": "Example item",
	"custom": {
		"id": "9.9.9",
		"section": "Example",
		"severity": "major",
		"criteria": ["First", "Second"],
	},
}

_chain := [
	{"path": ["data", "gonogo", "items", "x", "report"], "annotations": {"scope": "rule"}},
	{"path": ["data", "gonogo", "items", "x"], "annotations": _meta},
]

test_constructors_shape if {
	result.pass("ok", ["a.yaml:1"]) == {"verdict": "pass", "message": "ok", "evidence": ["a.yaml:1"]}
	result.fail("bad", ["a.yaml:2"]) == {"verdict": "fail", "message": "bad", "evidence": ["a.yaml:2"]}
	result.pending("the x collector") == {"verdict": "pending", "message": "no evidence collected: needs the x collector", "evidence": []}
	result.not_applicable("no db") == {"verdict": "not_applicable", "message": "no db", "evidence": []}
	result.error("broken", ["b.json"]) == {"verdict": "error", "message": "broken", "evidence": ["b.json"]}
}

test_item_rolls_declared_criteria_in_metadata_order if {
	r := result.item(_chain, {"Second": result.fail("bad", ["s.yaml:1"]), "First": result.pass("ok", [])})
	r.id == "9.9.9"
	r.title == "Example item"
	r.section == "Example"
	r.severity == "major"
	r.evidence_paths == []
	r.remediation == ""
	[c.text | some c in r.criteria] == ["First", "Second"]
	r.criteria[1] == {"text": "Second", "verdict": "fail", "message": "bad", "evidence": ["s.yaml:1"]}
	r.verdict == "fail"
}

test_item_carries_evidence_paths_and_remediation if {
	meta := object.union(_meta, {"custom": {"evidence": ["kubernetes.workloads"], "remediation": "Fix it."}})
	r := result.item([{"annotations": meta}], {"First": result.pass("ok", []), "Second": result.pass("ok", [])})
	r.evidence_paths == ["kubernetes.workloads"]
	r.remediation == "Fix it."
	r.verdict == "pass"
}

test_item_undecided_criterion_is_an_error if {
	r := result.item(_chain, {"First": result.pass("ok", [])})
	r.criteria[1] == {"text": "Second", "verdict": "error", "message": "no rule decides this criterion", "evidence": []}
	r.verdict == "error"
}

test_item_unknown_criterion_is_an_error if {
	r := result.item(_chain, {"First": result.pass("ok", []), "Second": result.pass("ok", []), "Third": result.pass("ok", [])})
	count(r.criteria) == 3
	r.criteria[2].text == "Third"
	r.criteria[2].verdict == "error"
	r.criteria[2].message == `rule decides "Third", which the item's METADATA does not list`
	r.verdict == "error"
}

test_item_without_package_annotations_is_undefined if {
	not result.item([{"annotations": {"scope": "rule"}}], {})
}

test_package_annotations_picks_the_package_entry if {
	result.package_annotations(_chain) == _meta
}

test_rollup_order if {
	result.rollup(set()) == "error"
	result.rollup({"pass", "fail", "error"}) == "error"
	result.rollup({"pass", "fail", "pending"}) == "fail"
	result.rollup({"pass", "pending"}) == "pending"
	result.rollup({"not_applicable"}) == "not_applicable"
	result.rollup({"pass", "not_applicable"}) == "pass"
	result.rollup({"pass"}) == "pass"
	result.rollup({"waived"}) == "error"
}

test_threshold_default_and_configured if {
	result.threshold("x.limit", 3) == 3 with input as {}
	result.threshold("x.limit", 3) == 3 with input as {"settings": {"thresholds": {"other": 1}}}
	result.threshold("x.limit", 3) == 7 with input as {"settings": {"thresholds": {"x.limit": 7}}}
}

test_unless_false if {
	r := result.pass("ok", [])
	result.unless_false("uses_db", r) == r with input as {}
	result.unless_false("uses_db", r) == r with input as {"context": {"uses_db": true}}
	off := result.unless_false("uses_db", r) with input as {"context": {"uses_db": false}}
	off == {"verdict": "not_applicable", "message": "context.uses_db is false in gonogo.yaml", "evidence": []}
}
