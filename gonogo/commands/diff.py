"""`gonogo diff OLD.json NEW.json`: what moved between two JSON reports; also the comparison
`--baseline OLD.json` gates on (it fails on regressions only, as Checkov's baseline does)."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

# How bad a verdict is. A regression is an item whose verdict got worse and is now pending, fail
# or error (losing the evidence of a passing item is a regression too: fail closed). An item
# missing from OLD counts from 0, so a new failing item is a regression.
BADNESS = {"pass": 0, "not_applicable": 0, "waived": 1, "pending": 2, "fail": 3, "error": 3}


@dataclass
class ReportDiff:
    regressed: list[tuple[str, str, str]] = field(default_factory=list)  # (id, old, new)
    newly_passing: list[tuple[str, str]] = field(default_factory=list)  # (id, old)
    expired_waivers: list[str] = field(default_factory=list)
    expired_attestations: list[dict[str, Any]] = field(default_factory=list)  # file, role, covers
    score_delta: float = 0.0

    def lines(self, old_score: float, new_score: float) -> list[str]:
        out = [f"Score: {old_score:g} -> {new_score:g} ({self.score_delta:+g})"]
        out.append(f"Regressed ({len(self.regressed)}):")
        out += [f"  {item_id}: {old} -> {new}" for item_id, old, new in self.regressed]
        out.append(f"Newly passing ({len(self.newly_passing)}):")
        out += [f"  {item_id}: {old} -> pass" for item_id, old in self.newly_passing]
        out.append(f"Waivers expired ({len(self.expired_waivers)}):")
        out += [f"  {item_id}" for item_id in self.expired_waivers]
        out.append(f"Attestations expired ({len(self.expired_attestations)}):")
        out += [
            f"  {a['file']} ({a.get('role') or 'unknown role'}: {', '.join(a.get('covers') or [])})"
            for a in self.expired_attestations
        ]
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "regressed": [{"id": i, "old": o, "new": n} for i, o, n in self.regressed],
            "newly_passing": [{"id": i, "old": o} for i, o in self.newly_passing],
            "expired_waivers": self.expired_waivers,
            "expired_attestations": self.expired_attestations,
            "score_delta": self.score_delta,
        }


def _expired(report: dict[str, Any]) -> set[str]:
    return {w["id"] for w in report.get("waivers", []) if w.get("status") == "expired"}


def _expired_attestations(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """The attestations (sign-offs included) expired in NEW that were not expired in OLD."""
    before = {a.get("file") for a in old.get("attestations") or [] if a.get("status") == "expired"}
    return [
        {"file": a.get("file"), "role": a.get("role"), "covers": list(a.get("covers") or [])}
        for a in sorted(new.get("attestations") or [], key=lambda a: str(a.get("file")))
        if a.get("status") == "expired" and a.get("file") not in before
    ]


def compare(old: dict[str, Any], new: dict[str, Any]) -> ReportDiff:
    before = {entry["id"]: entry["verdict"] for entry in old.get("items", [])}
    result = ReportDiff(score_delta=round(new["summary"]["score"] - old["summary"]["score"], 2))
    for entry in new["items"]:
        was, now = before.get(entry["id"], "missing"), entry["verdict"]
        if BADNESS.get(now, 3) > BADNESS.get(was, 0) and BADNESS.get(now, 3) >= 2:
            result.regressed.append((entry["id"], was, now))
        elif now == "pass" and was != "pass":
            result.newly_passing.append((entry["id"], was))
    result.expired_waivers = sorted(_expired(new) - _expired(old))
    result.expired_attestations = _expired_attestations(old, new)
    return result


def load_report(path: Path) -> dict[str, Any]:
    from gonogo.errors import GonogoError

    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(document, dict) or not isinstance(document.get("items"), list):
            raise ValueError("no items")
        float(document["summary"]["score"])  # a report without a score is not a report
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise GonogoError(f"{path}: not a gonogo JSON report ({type(error).__name__})") from None
    return document


@click.command()
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the difference as JSON.")
def diff(old: Path, new: Path, as_json: bool) -> None:
    """List the items that regressed between two JSON reports, those newly passing, the waivers
    and attestations that expired and the score delta. Exit 1 when an item regressed, 0 otherwise."""
    before, after = load_report(old), load_report(new)
    result = compare(before, after)
    if as_json:
        click.echo(json.dumps(result.as_json(), indent=2))
    else:
        click.echo("\n".join(result.lines(before["summary"]["score"], after["summary"]["score"])))
    sys.exit(1 if result.regressed else 0)
