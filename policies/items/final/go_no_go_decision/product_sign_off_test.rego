package gonogo.items.final.go_no_go_decision.product_sign_off_test

import data.gonogo.items.final.go_no_go_decision.product_sign_off
import data.gonogo.lib.testing

_role := "Product Manager"

_digest := "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

_signoff(role, digest, failing) := {"gonogo_run": {
	"evidence_digest": _digest,
	"trust": {"covers": {"sign-off": [object.union(
		testing.attestation_entry(role, {}, true),
		{"report": {"evidence_digest": digest, "decision": "NEEDS_WORK", "failing": failing}},
	)]}},
}}

_other_digest := "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

test_pending_without_a_sign_off if {
	r := product_sign_off.report with input as {}
	r.verdict == "pending"
	contains(r.criteria[0].message, "gonogo sign-off REPORT.json --role")
}

test_passes_on_a_sign_off_of_this_evidence if {
	r := product_sign_off.report with input as _signoff("Product Manager", _digest, [])
	r.verdict == "pass"
	r.criteria[0].assurance == "attested"
}

test_a_sign_off_of_other_evidence_does_not_count if {
	r := product_sign_off.report with input as _signoff("Product Manager", _other_digest, [])
	r.verdict == "pending"
	contains(r.criteria[0].message, "cover another evidence digest")
}

test_a_sign_off_by_another_role_does_not_count if {
	r := product_sign_off.report with input as _signoff("Somebody Else", _digest, [])
	r.verdict == "pending"
}

test_fails_when_the_signed_report_had_failing_items_it_vouches_for if {
	r := product_sign_off.report with input as _signoff(_role, _digest, ["1.1.1"])
	r.verdict == "fail"
	contains(r.criteria[0].message, "1.1.1")
}

test_failing_final_items_do_not_block_it if {
	r := product_sign_off.report with input as _signoff(_role, _digest, ["10.1.1"])
	r.verdict == "pass"
}
