package gonogo.lib.attestations_test

import data.gonogo.lib.attestations
import data.gonogo.lib.testing

_entry(role, values, issued, bound) := object.union(
	testing.attestation_entry(role, values, bound),
	{"issued": issued},
)

_covering(cover, entries) := {"gonogo_run": {"trust": {"covers": {cover: entries}}}}

test_verified_keeps_the_role_and_the_bound_ones_only if {
	snapshot := _covering("6.2.3", [
		_entry("DevOps Lead", {}, "2026-11-01T00:00:00+00:00", true),
		_entry("DevOps Lead", {}, "2026-11-02T00:00:00+00:00", false),
		_entry("Product Manager", {}, "2026-11-03T00:00:00+00:00", true),
	])
	found := attestations.verified("6.2.3", "DevOps Lead") with input as snapshot
	[e.issued | some e in found] == ["2026-11-01T00:00:00+00:00"]
	count(attestations.verified_any_subject("6.2.3", "DevOps Lead")) == 2 with input as snapshot
}

test_nothing_is_verified_without_the_evaluators_trust_input if {
	count(attestations.verified("6.2.3", "DevOps Lead")) == 0 with input as {"gonogo_run": {}}
	count(attestations.verified("6.2.3", "DevOps Lead")) == 0 with input as {}
}

test_value_is_the_newest_attestations_that_carries_it if {
	snapshot := _covering("1.2.1", [
		_entry("Engineering Lead", {"p95_ms": 80}, "2026-11-01T00:00:00+00:00", true),
		_entry("Engineering Lead", {"p95_ms": 60}, "2026-11-05T00:00:00+00:00", true),
		_entry("Engineering Lead", {"other": 1}, "2026-11-09T00:00:00+00:00", true),
	])
	attestations.value("1.2.1", "Engineering Lead", "p95_ms") == 60 with input as snapshot
}

test_value_is_undefined_when_no_attestation_carries_it if {
	snapshot := _covering("1.2.1", [_entry("Engineering Lead", {"other": 1}, "2026-11-01T00:00:00+00:00", true)])
	not attestations.value("1.2.1", "Engineering Lead", "p95_ms") with input as snapshot
}

test_value_ignores_a_stale_attestation if {
	snapshot := _covering("1.2.1", [_entry("Engineering Lead", {"p95_ms": 60}, "2026-11-01T00:00:00+00:00", false)])
	not attestations.value("1.2.1", "Engineering Lead", "p95_ms") with input as snapshot
}
