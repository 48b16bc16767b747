"""Tuning the seed's items from gonogo.yaml's `items:`: turn one off, raise or lower its severity.

Every setting is recorded, on the item (`tuning`) and in the report (`tuning`), applied or not.
A stricter setting (a raised severity) is applied. A looser one (a lowered severity, an item
turned off) is a declared change: typed in a file, attested by no one. It is applied to a medium
or low item only; on a critical or high item it is recorded and not applied (declared evidence
never decides a critical or high item alone: docs/trust.md), and an item in error stays in error.
"""

from __future__ import annotations

from typing import Any

from gonogo.evaluator.catalog import SEVERITIES, id_key

from gonogo.errors import ConfigError

HELD = ("critical", "high")


def _rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else -1


def _turn_off(entry: dict[str, Any], reason: str) -> None:
    why = "turned off in gonogo.yaml (declared)" + (f": {reason}" if reason else "")
    entry["verdict"] = "not_applicable"
    entry["criteria"] = [
        dict(criterion, verdict="not_applicable", message=why, evidence=[], assurance="declared")
        for criterion in entry["criteria"]
    ]


def apply_tuning(items: list[dict[str, Any]], config: dict[str, Any]) -> list[dict[str, Any]]:
    """Applies gonogo.yaml's `items:` to the report entries; returns what was asked and done."""
    settings = config.get("items") or {}
    if not settings:
        return []
    by_id = {entry["id"]: entry for entry in items}
    unknown = sorted(set(settings) - set(by_id))
    if unknown:
        raise ConfigError(f"gonogo.yaml items: no such item in the checklist: {', '.join(unknown)}")
    records = []
    for item_id in sorted(settings, key=id_key):
        setting, entry = settings[item_id], by_id[item_id]
        seed = str(entry["severity"])
        reason = str(setting.get("reason") or "")
        changes: list[dict[str, Any]] = []
        wanted = setting.get("severity")
        if wanted and wanted != seed:
            stricter = _rank(wanted) < _rank(seed)
            applied = stricter or seed not in HELD
            changes.append({
                "change": "severity", "from": seed, "to": wanted, "applied": applied,
                "assurance": "measured" if stricter else "declared",
                **({} if applied else {"held": f"a {seed} item"}),
            })  # fmt: skip
            if applied:
                entry["severity"] = wanted
        if setting.get("enabled") is False:
            severity = str(entry["severity"])
            held = "an item in error" if entry["verdict"] == "error" else f"a {severity} item"
            applied = severity not in HELD and entry["verdict"] != "error"
            before = entry["verdict"]
            changes.append({
                "change": "off", "from": before, "to": "not_applicable" if applied else before,
                "applied": applied, "assurance": "declared", **({} if applied else {"held": held}),
            })  # fmt: skip
            if applied:
                _turn_off(entry, reason)
        if not changes:
            continue
        record = {"id": item_id, "seed_severity": seed, "reason": reason, "changes": changes}
        entry["tuning"] = record
        records.append(record)
    return records


def describe(record: dict[str, Any]) -> str:
    """One line for people: what gonogo.yaml asked of an item and whether it was applied."""
    parts = []
    for change in record["changes"]:
        what = (
            f"severity {change['from']} -> {change['to']}" if change["change"] == "severity" else "turned off"
        )
        if not change["applied"]:
            what += f" (declared; not applied to {change.get('held', 'this item')})"
        elif change["assurance"] == "declared":
            what += " (declared)"
        parts.append(what)
    text = "gonogo.yaml: " + ", ".join(parts)
    return text + (f" — {record['reason']}" if record.get("reason") else "")
