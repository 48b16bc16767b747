"""`gonogo verify`: replay a recorded decision from its snapshot and say what, if anything, moved.

The report records what a replay needs (`provenance`): the sha256 of the snapshot file's bytes,
the policy digest, the config digest, the OPA and gonogo versions and the evaluation clock. A
replay evaluates the snapshot again at that clock and compares the decision, the score, every
item's and every criterion's verdict, and the digests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from gonogo.errors import GonogoError
from gonogo.evaluator.catalog import id_key
from gonogo.evaluator.engine import EngineOptions

RECORDED_DIGESTS = ("snapshot_sha256", "policy_digest", "config_digest", "opa_version", "gonogo_version")


@dataclass(frozen=True)
class Replay:
    recorded: dict[str, Any]
    replayed: dict[str, Any]
    differences: list[str]


def read_report(path: Path) -> dict[str, Any]:
    try:
        report = json.loads(path.read_text())
    except OSError as exc:
        raise GonogoError(f"{path}: cannot read: {exc.strerror}") from exc
    except ValueError as exc:
        raise GonogoError(f"{path}: not a JSON report (write one with -f json): line {exc.lineno}") from exc
    if not isinstance(report, dict) or report.get("kind") != "Report" or "provenance" not in report:
        raise GonogoError(f"{path}: not a gonogo JSON report with provenance")
    return report


def evaluation_clock(report: dict[str, Any], where: Path) -> datetime:
    stamp = str(report["provenance"].get("evaluated_at", ""))
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError as exc:
        raise GonogoError(f"{where}: provenance.evaluated_at is not a date-time") from exc


def _verdicts(report: dict[str, Any]) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    return {
        str(entry["id"]): (
            str(entry.get("verdict")),
            [(str(c.get("text")), str(c.get("verdict"))) for c in entry.get("criteria", [])],
        )
        for entry in report.get("items", [])
    }


def compare(recorded: dict[str, Any], replayed: dict[str, Any]) -> list[str]:
    """Each difference between a recorded report and its replay, one line each."""
    found = []
    if recorded.get("decision") != replayed.get("decision"):
        found.append(f"decision: recorded {recorded.get('decision')}, replayed {replayed.get('decision')}")
    before, after = recorded.get("summary", {}).get("score"), replayed.get("summary", {}).get("score")
    if before != after:
        found.append(f"score: recorded {before}, replayed {after}")
    old, new = _verdicts(recorded), _verdicts(replayed)
    for item_id in sorted(old.keys() | new.keys(), key=id_key):
        if item_id not in new or item_id not in old:
            found.append(f"item {item_id}: {'only in the record' if item_id in old else 'not in the record'}")
            continue
        (was, was_criteria), (now, now_criteria) = old[item_id], new[item_id]
        if was != now:
            found.append(f"item {item_id}: recorded {was}, replayed {now}")
        for index, pair in enumerate(zip(was_criteria, now_criteria, strict=False), start=1):
            (text, before_verdict), (_, after_verdict) = pair
            if before_verdict != after_verdict:
                found.append(
                    f"item {item_id} criterion {index} ({text}): recorded {before_verdict}, "
                    f"replayed {after_verdict}"
                )
        if len(was_criteria) != len(now_criteria):
            counts = f"recorded {len(was_criteria)} criteria, replayed {len(now_criteria)}"
            found.append(f"item {item_id}: {counts}")
    for key in RECORDED_DIGESTS:
        was_value, now_value = recorded["provenance"].get(key), replayed["provenance"].get(key)
        if was_value != now_value:
            found.append(f"{key}: recorded {was_value}, replayed {now_value}")
    return found


def default_config(report: dict[str, Any]) -> Path | None:
    """The config the report names, when it is still there (its digest is compared either way)."""
    recorded = report["provenance"].get("config")
    return Path(recorded) if recorded and Path(recorded).is_file() else None


def replay(
    report_path: Path,
    snapshot_path: Path,
    config_path: Path | None = None,
    engine_options: EngineOptions | None = None,
) -> Replay:
    from gonogo import api
    from gonogo.config import load_config
    from gonogo.evaluator.snapshot import bytes_digest, load_snapshot

    recorded = read_report(report_path)
    snapshot = load_snapshot(snapshot_path)
    try:
        digest = bytes_digest(snapshot_path.read_bytes())
    except OSError as exc:
        raise GonogoError(f"{snapshot_path}: cannot read: {exc.strerror}") from exc
    config = load_config(config_path or default_config(recorded))
    replayed = api.evaluate(
        snapshot,
        config,
        engine_options,
        now=evaluation_clock(recorded, report_path),
        snapshot_sha256=digest,
    )
    return Replay(recorded=recorded, replayed=replayed, differences=compare(recorded, replayed))
