"""Waivers: which ones hold, and the items they turn into `waived` (docs/trust.md).

A signed waiver is an attestation whose predicate carries `waiver: {reason, ticket}`; gonogo
verified it (gonogo/trust/assess.py) before it gets here. An unsigned waiver typed in gonogo.yaml
is honoured only where `waivers.allow_unsigned` is set, never for a critical item, and is shown
as declared. A critical item is waived only by a role in `waivers.critical_roles`. No waiver
outlives `waivers.max_days`, and none ever covers an `error`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

WAIVABLE = frozenset({"fail", "pending"})
DEFAULT_MAX_DAYS = 90
DEFAULT_CRITICAL_ROLES = ("Security Lead", "CTO/VP Engineering")


def waiver_policy(config: dict[str, Any]) -> dict[str, Any]:
    """The waiver settings with their defaults, and the unsigned entries."""
    raw = config.get("waivers") or []
    settings: dict[str, Any] = raw if isinstance(raw, dict) else {"entries": raw}
    return {
        "allow_unsigned": bool(settings.get("allow_unsigned", False)),
        "max_days": int(settings.get("max_days", DEFAULT_MAX_DAYS)),
        "critical_roles": tuple(settings.get("critical_roles") or DEFAULT_CRITICAL_ROLES),
        "entries": list(settings.get("entries") or []),
    }


def _day(text: str) -> date:
    return datetime.fromisoformat(str(text)).date() if "T" in str(text) else date.fromisoformat(str(text))


def _unsigned_problem(policy: dict[str, Any], entry: dict[str, Any], today: date) -> str | None:
    if not policy["allow_unsigned"]:
        return "unsigned_not_allowed"
    if entry["severity"] == "critical":
        return "unsigned_critical"
    if (_day(entry["expires"]) - today).days > policy["max_days"]:
        return "too_long"
    return None


def _signed_problem(policy: dict[str, Any], waiver: dict[str, Any], severity: str) -> str | None:
    if severity == "critical" and waiver["role"] not in policy["critical_roles"]:
        return "role_not_allowed"
    if (_day(waiver["expires"]) - _day(waiver["issued"])).days > policy["max_days"]:
        return "too_long"
    return None


def _status(entry: dict[str, Any] | None, expires: str, today: date, problem: str | None) -> str:
    if entry is None:
        return "unknown_item"
    if _day(expires) < today:
        return "expired"
    if problem:
        return problem
    if entry["verdict"] == "error":
        return "not_applied_error"
    return "applied" if entry["verdict"] in WAIVABLE else "unused"


def _apply(entry: dict[str, Any], record: dict[str, Any]) -> None:
    entry["waived_verdict"] = entry["verdict"]
    entry["verdict"] = "waived"
    entry["waiver"] = {
        k: record[k] for k in ("reason", "approver", "role", "expires", "ticket", "assurance") if k in record
    }


def apply_waivers(
    items: list[dict[str, Any]],
    config: dict[str, Any],
    signed: list[dict[str, Any]],
    today: date,
) -> list[dict[str, Any]]:
    """Applies the waivers that hold, in place; returns every waiver with its status."""
    policy = waiver_policy(config)
    by_id = {entry["id"]: entry for entry in items}
    outcomes = []
    for waiver in signed:
        entry = by_id.get(waiver["id"])
        problem = _signed_problem(policy, waiver, entry["severity"]) if entry else None
        record = dict(waiver, assurance="attested")
        record["status"] = _status(entry, waiver["expires"], today, problem)
        if record["status"] == "applied" and entry is not None:
            _apply(entry, record)
        outcomes.append(record)
    for typed in policy["entries"]:
        entry = by_id.get(typed["id"])
        record = {k: typed[k] for k in ("id", "reason", "approver", "expires", "ticket") if k in typed}
        record["assurance"] = "declared"
        problem = (
            _unsigned_problem(policy, {**typed, "severity": entry["severity"]}, today) if entry else None
        )
        record["status"] = _status(entry, str(typed["expires"]), today, problem)
        if record["status"] == "applied" and entry is not None:
            _apply(entry, record)
        outcomes.append(record)
    return outcomes
