package gonogo.lib.signoff_test

import data.gonogo.lib.signoff
import data.gonogo.lib.testing

_sign_off(role, digest, issued) := object.union(
	testing.attestation_entry(role, {}, true),
	{"issued": issued, "report": {"evidence_digest": digest, "decision": "APPROVED", "failing": []}},
)

_with(digest, entries) := {"gonogo_run": {
	"evidence_digest": digest,
	"trust": {"covers": {"sign-off": entries}},
}}

_row(rows, role) := [r | some r in rows; r.role == role][0]

test_approvals_has_one_row_per_role_in_the_seeds_order if {
	rows := signoff.approvals with input as _with("sha256:a", [])
	[r.role | some r in rows] == signoff.roles
	{r.signature | some r in rows} == {"missing"}
}

test_a_sign_off_of_this_evidence_is_verified_with_its_signer_and_day if {
	rows := signoff.approvals with input as _with("sha256:a", [_sign_off("DevOps Lead", "sha256:a", "2026-11-20T09:00:00+00:00")])
	_row(rows, "DevOps Lead") == {"role": "DevOps Lead", "name": "alice@example.com", "date": "2026-11-20", "signature": "verified"}
	_row(rows, "CTO/VP Engineering").signature == "missing"
}

test_a_sign_off_of_other_evidence_reads_evidence_changed if {
	rows := signoff.approvals with input as _with("sha256:b", [_sign_off("Security Lead", "sha256:a", "2026-11-20T09:00:00+00:00")])
	_row(rows, "Security Lead").signature == "evidence changed"
	_row(rows, "Security Lead").date == "2026-11-20"
}

test_the_newest_sign_off_of_this_evidence_wins_over_an_older_one if {
	rows := signoff.approvals with input as _with("sha256:a", [
		_sign_off("Product Manager", "sha256:old", "2026-11-25T09:00:00+00:00"),
		_sign_off("Product Manager", "sha256:a", "2026-11-20T09:00:00+00:00"),
	])
	_row(rows, "Product Manager").signature == "verified"
	_row(rows, "Product Manager").date == "2026-11-20"
}
