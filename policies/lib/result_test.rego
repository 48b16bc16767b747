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
	result.pass("ok", ["a.yaml:1"]) == {"verdict": "pass", "message": "ok", "evidence": ["a.yaml:1"], "assurance": "measured"}
	result.declared("typed", ["g.yaml:1"]) == {"verdict": "pass", "message": "typed", "evidence": ["g.yaml:1"], "assurance": "declared"}
	result.fail("bad", ["a.yaml:2"]) == {"verdict": "fail", "message": "bad", "evidence": ["a.yaml:2"]}
	result.pending("the x collector") == {"verdict": "pending", "message": "no evidence collected: needs the x collector", "evidence": []}
	measured_na := result.not_applicable("no database in the plan")
	measured_na == {"verdict": "not_applicable", "message": "no database in the plan", "evidence": [], "assurance": "measured"}
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
	off := result.unless_false("uses_db", r) with input as _no_db
	off.verdict == "not_applicable"
	off.message == "context.uses_db is false in gonogo.yaml"
	off.assurance == "declared"
	off.context_flags == ["uses_db"]
	off.otherwise == r
	both := result.unless_false("a", result.unless_false("b", r)) with input as {"context": {"a": false, "b": false}}
	both.context_flags == ["a", "b"]
	both.otherwise == r
}

_trust_meta(severity, extra) := object.union(
	{
		"scope": "package",
		"title": "Trust item",
		"custom": {"id": "9.9.8", "section": "Example", "severity": severity, "criteria": ["Typed", "Human act"]},
	},
	{"custom": extra},
)

_human := {"attested_by": {"Human act": "Engineering Lead"}}

test_declared_pass_never_decides_a_critical_or_high_criterion if {
	every severity in ["critical", "high"] {
		typed := result.declared("tested: 2026-10-01 in front matter", ["d.md:1"])
		r := result.item([{"annotations": _trust_meta(severity, {})}], {"Typed": typed, "Human act": result.pass("ok", [])})
		c := r.criteria[0]
		c.verdict == "pending"
		c.assurance == "declared"
		startswith(c.message, "declared only (tested: 2026-10-01 in front matter)")
		contains(c.message, "needs attested evidence")
		r.verdict == "pending"
	}
}

test_declared_pass_decides_a_medium_or_low_criterion if {
	every severity in ["medium", "low"] {
		r := result.item([{"annotations": _trust_meta(severity, {})}], {"Typed": result.declared("typed", []), "Human act": result.pass("ok", [])})
		r.criteria[0].verdict == "pass"
		r.criteria[0].assurance == "declared"
		r.criteria[1].assurance == "measured"
		r.verdict == "pass"
	}
}

test_metadata_can_require_measured_evidence if {
	meta := _trust_meta("low", {"assurance": {"Typed": "measured"}})
	entry := data.gonogo.lib.testing.attestation_entry("Engineering Lead", {}, true)
	r := result.item([{"annotations": meta}], {"Typed": result.attested(entry), "Human act": result.pass("ok", [])})
	r.criteria[0].verdict == "pending"
	contains(r.criteria[0].message, "needs measured evidence")
}

test_metadata_cannot_lower_the_floor_of_a_high_item if {
	meta := _trust_meta("high", {"assurance": {"Typed": "declared"}})
	r := result.item([{"annotations": meta}], {"Typed": result.declared("typed", []), "Human act": result.pass("ok", [])})
	r.criteria[0].verdict == "pending"
}

test_attested_by_criterion_without_a_rule_is_pending_naming_the_role if {
	r := result.item([{"annotations": _trust_meta("high", _human)}], {"Typed": result.pass("ok", [])}) with input as {}
	c := r.criteria[1]
	c.verdict == "pending"
	c.message == "needs an attestation by the Engineering Lead covering 9.9.8 or 9.9.8#2"
}

test_attested_by_criterion_passes_on_a_verified_attestation if {
	every cover in ["9.9.8", "9.9.8#2"] {
		trust := data.gonogo.lib.testing.attested(cover, "Engineering Lead", {})
		r := result.item([{"annotations": _trust_meta("critical", _human)}], {"Typed": result.pass("ok", [])}) with input as trust
		c := r.criteria[1]
		c.verdict == "pass"
		c.assurance == "attested"
		c.evidence == [".gonogo/attestations/a.dsse.json"]
		startswith(c.message, "attested by alice@example.com (Engineering Lead) until 2027-01-30")
		r.verdict == "pass"
	}
}

test_attestation_by_another_role_or_for_another_commit_does_not_count if {
	wrong_role := data.gonogo.lib.testing.attested("9.9.8", "Product Manager", {})
	stale := data.gonogo.lib.testing.attested_unbound("9.9.8", "Engineering Lead", {})
	every trust in [wrong_role, stale] {
		r := result.item([{"annotations": _trust_meta("high", _human)}], {"Typed": result.pass("ok", [])}) with input as trust
		r.criteria[1].verdict == "pending"
	}
}

test_commit_independent_items_accept_an_attestation_for_another_commit if {
	meta := _trust_meta("high", object.union(_human, {"commit_independent": true}))
	stale := data.gonogo.lib.testing.attested_unbound("9.9.8", "Engineering Lead", {})
	r := result.item([{"annotations": meta}], {"Typed": result.pass("ok", [])}) with input as stale
	r.criteria[1].verdict == "pass"
}

test_a_measured_rule_result_wins_over_the_attestation_fallback if {
	trust := data.gonogo.lib.testing.attested("9.9.8", "Engineering Lead", {})
	decided := {"Typed": result.pass("ok", []), "Human act": result.fail("RBAC binding missing", ["rbac.yaml:3"])}
	r := result.item([{"annotations": _trust_meta("high", _human)}], decided) with input as trust
	r.criteria[1].verdict == "fail"
	pending := {"Typed": result.pass("ok", []), "Human act": result.pending("RBAC bindings")}
	p := result.item([{"annotations": _trust_meta("high", _human)}], pending) with input as {}
	p.criteria[1].message == "no evidence collected: needs RBAC bindings, or an attestation by the Engineering Lead covering 9.9.8 or 9.9.8#2"
}

_flagged(r) := result.unless_false("uses_db", r)

_no_db := {"context": {"uses_db": false}}

test_context_flag_decides_medium_items_declared if {
	decided := {"Typed": _flagged(result.fail("no backup", [])), "Human act": _flagged(result.fail("x", []))} with input as _no_db
	r := result.item([{"annotations": _trust_meta("medium", {})}], decided) with input as _no_db
	r.verdict == "not_applicable"
	r.criteria[0].assurance == "declared"
	not r.criteria[0].otherwise
	not r.criteria[0].context_flags
}

test_context_flag_without_attestation_leaves_a_critical_item_applicable if {
	typed := _flagged(result.fail("no backup", ["b.yaml:1"])) with input as _no_db
	decided := {"Typed": typed, "Human act": _flagged(result.pass("ok", []))} with input as _no_db
	r := result.item([{"annotations": _trust_meta("critical", {})}], decided) with input as _no_db
	r.verdict == "fail"
	r.criteria[0].evidence == ["b.yaml:1"]
	r.criteria[0].message == concat("", [
		"no backup (context.uses_db is false in gonogo.yaml, but only an attestation by the ",
		"Product Manager makes a critical item not applicable)",
	])
}

test_attested_context_flag_makes_a_critical_item_not_applicable if {
	decided := {"Typed": _flagged(result.fail("no backup", [])), "Human act": _flagged(result.pass("ok", []))} with input as _no_db
	trust := data.gonogo.lib.testing.attested("context.uses_db=false", "Product Manager", {})
	r := result.item([{"annotations": _trust_meta("critical", {})}], decided) with input as object.union({"context": {"uses_db": false}}, trust)
	r.verdict == "not_applicable"
	r.criteria[0].assurance == "attested"
	r.criteria[0].message == "context.uses_db is false in gonogo.yaml, attested by alice@example.com (Product Manager)"
	other_role := data.gonogo.lib.testing.attested("context.uses_db=false", "Engineering Lead", {})
	o := result.item([{"annotations": _trust_meta("critical", {})}], decided) with input as object.union({"context": {"uses_db": false}}, other_role)
	o.verdict == "fail"
}

test_a_not_applicable_is_measured_whatever_its_text if {
	# The text of a reason is never parsed: only unless_false makes a typed flag declared.
	na := result.not_applicable("context.has_database is false")
	na == {"verdict": "not_applicable", "message": "context.has_database is false", "evidence": [], "assurance": "measured"}
	typed := _flagged(result.fail("no backup", ["b.yaml:1"])) with input as _no_db
	typed.assurance == "declared"
	typed.context_flags == ["uses_db"]
}

test_a_typed_flag_over_a_not_applicable_stays_declared if {
	inner := result.not_applicable("no database in the plan")
	typed := _flagged(inner) with input as _no_db
	strict := result.item([{"annotations": _trust_meta("critical", {})}], {"Typed": typed, "Human act": typed}) with input as _no_db
	strict.verdict == "not_applicable"
	startswith(strict.criteria[0].message, "no database in the plan (context.uses_db is false in gonogo.yaml, but only")
	off := _flagged(result.pending("a database")) with input as _no_db
	s := result.item([{"annotations": _trust_meta("critical", {})}], {"Typed": off, "Human act": off}) with input as _no_db
	s.verdict == "pending"
	contains(s.criteria[0].message, "context.uses_db is false in gonogo.yaml, but only an attestation")
}

test_nothing_collected_is_pending_with_the_subject_named if {
	n := result.nothing("workloads")
	n == {"verdict": "pending", "message": "no workloads collected", "evidence": []}
	r := result.item([{"annotations": _trust_meta("low", {})}], {"Typed": n, "Human act": result.pass("ok", [])}) with input as {}
	r.verdict == "pending"
}

test_an_attestation_counting_fewer_completed_than_expected_fails_the_criterion if {
	partial := data.gonogo.lib.testing.attested("9.9.8", "Engineering Lead", {"expected": 6, "completed": 4})
	r := result.item([{"annotations": _trust_meta("high", _human)}], {"Typed": result.pass("ok", [])}) with input as partial
	r.criteria[1].verdict == "fail"
	startswith(r.criteria[1].message, "attested by alice@example.com (Engineering Lead): 4 of 6 completed")
	whole := data.gonogo.lib.testing.attested("9.9.8", "Engineering Lead", {"expected": 6, "completed": 6})
	w := result.item([{"annotations": _trust_meta("high", _human)}], {"Typed": result.pass("ok", [])}) with input as whole
	w.criteria[1].verdict == "pass"
}
