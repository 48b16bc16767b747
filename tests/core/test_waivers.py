"""Waivers that cannot be typed past (docs/trust.md): unsigned ones only where allowed and never
for a critical item; signed ones from the roles gonogo.yaml names; none beyond max_days, none
over an error."""

from __future__ import annotations

from datetime import date
from typing import Any

from gonogo.evaluator.decision import decide
from gonogo.evaluator.summary import summarize
from gonogo.evaluator.waivers import apply_waivers, waiver_policy

TODAY = date(2026, 12, 1)


def items(*pairs: tuple[str, str, str]) -> list[dict[str, Any]]:
    return [{"id": i, "severity": s, "verdict": v, "criteria": []} for i, s, v in pairs]


def typed(item_id: str, expires: str = "2027-01-15") -> dict[str, Any]:
    return {"id": item_id, "reason": "r", "approver": "anyone", "expires": expires, "ticket": "T-1"}


def signed(
    item_id: str, role: str, issued: str = "2026-11-20", expires: str = "2027-01-15"
) -> dict[str, Any]:
    return {
        "id": item_id,
        "reason": "r",
        "ticket": "T-2",
        "approver": "sec@example.com",
        "role": role,
        "issued": f"{issued}T00:00:00+00:00",
        "expires": f"{expires}T00:00:00+00:00",
        "file": ".gonogo/attestations/w.dsse.json",
    }


def test_typed_waivers_are_refused_unless_allowed() -> None:
    found = items(("3.1.1", "medium", "fail"))
    outcomes = apply_waivers(found, {"waivers": [typed("3.1.1")]}, [], TODAY)
    assert outcomes[0]["status"] == "unsigned_not_allowed"
    assert outcomes[0]["assurance"] == "declared"
    assert found[0]["verdict"] == "fail"


def test_an_allowed_typed_waiver_waives_a_medium_item_as_declared() -> None:
    found = items(("3.1.1", "medium", "fail"))
    config = {"waivers": {"allow_unsigned": True, "entries": [typed("3.1.1")]}}
    outcomes = apply_waivers(found, config, [], TODAY)
    assert outcomes[0]["status"] == "applied"
    assert found[0]["verdict"] == "waived" and found[0]["waived_verdict"] == "fail"
    assert found[0]["waiver"]["assurance"] == "declared"


def test_a_typed_waiver_never_waives_a_critical_item() -> None:
    found = items(("2.3.1", "critical", "fail"))
    config = {"waivers": {"allow_unsigned": True, "entries": [typed("2.3.1")]}}
    assert apply_waivers(found, config, [], TODAY)[0]["status"] == "unsigned_critical"
    assert found[0]["verdict"] == "fail"
    assert decide(summarize(found))[0] == "NEEDS_WORK"


def test_a_signed_critical_waiver_needs_a_critical_role() -> None:
    by_security = items(("2.3.1", "critical", "fail"), ("1.1.1", "high", "pass"))
    outcomes = apply_waivers(by_security, {}, [signed("2.3.1", "Security Lead")], TODAY)
    assert outcomes[0]["status"] == "applied" and outcomes[0]["assurance"] == "attested"
    summary = summarize(by_security)
    assert summary["waived_critical"] == 1 and summary["critical_blockers"] == 0
    by_product = items(("2.3.1", "critical", "fail"))
    assert apply_waivers(by_product, {}, [signed("2.3.1", "Product Manager")], TODAY)[0]["status"] == (
        "role_not_allowed"
    )
    assert by_product[0]["verdict"] == "fail"
    custom = {"waivers": {"critical_roles": ["Product Manager"]}}
    assert (
        apply_waivers(
            items(("2.3.1", "critical", "fail")), custom, [signed("2.3.1", "Product Manager")], TODAY
        )[0]["status"]
        == "applied"
    )


def test_a_signed_waiver_of_a_lower_item_may_come_from_any_verified_role() -> None:
    found = items(("3.1.1", "medium", "pending"))
    assert apply_waivers(found, {}, [signed("3.1.1", "DevOps Lead")], TODAY)[0]["status"] == "applied"


def test_no_waiver_outlives_max_days() -> None:
    long_signed = signed("3.1.1", "Security Lead", issued="2026-11-01", expires="2027-03-31")
    assert (
        apply_waivers(items(("3.1.1", "medium", "fail")), {}, [long_signed], TODAY)[0]["status"] == "too_long"
    )
    config = {"waivers": {"allow_unsigned": True, "max_days": 30, "entries": [typed("3.1.1", "2027-01-15")]}}
    assert apply_waivers(items(("3.1.1", "medium", "fail")), config, [], TODAY)[0]["status"] == "too_long"
    assert waiver_policy({})["max_days"] == 90


def test_expired_error_unused_and_unknown() -> None:
    found = items(("3.1.1", "medium", "error"), ("3.1.2", "medium", "pass"))
    outcomes = apply_waivers(
        found,
        {},
        [
            signed("3.1.1", "Security Lead"),
            signed("3.1.2", "Security Lead"),
            signed("9.9.9", "Security Lead"),
            signed("3.1.2", "Security Lead", issued="2026-10-01", expires="2026-11-30"),
        ],
        TODAY,
    )
    assert [o["status"] for o in outcomes] == ["not_applied_error", "unused", "unknown_item", "expired"]
    assert [e["verdict"] for e in found] == ["error", "pass"]


def test_an_untrusted_attestation_blocks_whatever_else_passes() -> None:
    passing = summarize(items(("3.1.1", "medium", "pass")))
    assert decide(passing)[0] == "APPROVED"
    decision, reasons = decide(passing, untrusted=[".gonogo/attestations/a.dsse.json (bad_signature)"])
    assert decision == "NEEDS_WORK"
    assert reasons == ["1 attestation(s) cannot be trusted: .gonogo/attestations/a.dsse.json (bad_signature)"]
