"""gonogo.yaml `items:`: what is applied, what is only recorded (a declared change on a critical
or high item), and what is refused."""

from __future__ import annotations

from typing import Any

import pytest
from gonogo.evaluator.tuning import apply_tuning, describe

from gonogo.errors import ConfigError


def _entry(item_id: str, severity: str, verdict: str = "fail") -> dict[str, Any]:
    criteria = [{"text": "Done", "verdict": verdict, "message": "found nothing", "evidence": ["a.yaml:1"]}]
    return {"id": item_id, "severity": severity, "verdict": verdict, "criteria": criteria}


def _tune(entries: list[dict[str, Any]], settings: dict[str, Any]) -> list[dict[str, Any]]:
    return apply_tuning(entries, {"items": settings})


def test_a_raised_severity_is_applied() -> None:
    entry = _entry("8.3.4", "low")
    records = _tune([entry], {"8.3.4": {"severity": "critical"}})
    assert entry["severity"] == "critical" and entry["tuning"] == records[0]
    assert records[0]["changes"][0]["applied"] is True


def test_a_medium_item_turned_off_is_not_applicable_and_declared() -> None:
    entry = _entry("7.2.3", "medium")
    _tune([entry], {"7.2.3": {"enabled": False, "reason": "no static assets"}})
    assert entry["verdict"] == "not_applicable"
    assert entry["criteria"][0]["assurance"] == "declared" and entry["criteria"][0]["evidence"] == []
    assert "no static assets" in entry["criteria"][0]["message"]
    assert describe(entry["tuning"]) == "gonogo.yaml: turned off (declared) — no static assets"


@pytest.mark.parametrize("severity", ["critical", "high"])
def test_a_critical_or_high_item_is_never_switched_off_or_lowered(severity: str) -> None:
    off, lowered = _entry("1.1.1", severity), _entry("2.1.1", severity)
    records = _tune([off, lowered], {"1.1.1": {"enabled": False}, "2.1.1": {"severity": "low"}})
    assert off["verdict"] == "fail" and lowered["severity"] == severity
    assert [r["changes"][0]["applied"] for r in records] == [False, False]
    assert f"not applied to a {severity} item" in describe(off["tuning"])
    assert f"not applied to a {severity} item" in describe(lowered["tuning"])


def test_lowering_then_turning_off_a_high_item_does_neither() -> None:
    entry = _entry("3.1.1", "high")
    _tune([entry], {"3.1.1": {"severity": "low", "enabled": False}})
    assert entry["severity"] == "high" and entry["verdict"] == "fail"


def test_a_medium_item_lowered_is_applied_as_declared() -> None:
    entry = _entry("4.1.1", "medium")
    _tune([entry], {"4.1.1": {"severity": "low"}})
    assert entry["severity"] == "low" and entry["tuning"]["changes"][0]["assurance"] == "declared"


def test_an_item_in_error_stays_in_error() -> None:
    entry = _entry("5.1.1", "low", verdict="error")
    _tune([entry], {"5.1.1": {"enabled": False}})
    assert entry["verdict"] == "error" and "an item in error" in describe(entry["tuning"])


def test_an_unknown_item_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"no such item in the checklist: 12\.1\.1"):
        _tune([_entry("1.1.1", "low")], {"12.1.1": {"enabled": False}})


def test_no_tuning_changes_nothing() -> None:
    entry = _entry("1.1.1", "low")
    assert apply_tuning([entry], {}) == [] and "tuning" not in entry
