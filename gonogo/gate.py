"""The pipeline gate's own choices on top of a report: `--skip ITEM` and the exit class it gives.

A skip is the gate's instruction, not a verdict and not a waiver: the item is evaluated as
always, keeps its verdict, and the report's decision (what `gonogo verify` replays and sign-offs
read) is unchanged. The report records each skipped item (`skipped_items`, and `skipped_by` on
the item) and every format shows it; only the exit code leaves it out: the gate judges the
other items (their summary and score recomputed without it). Fail closed: an item that could
not be evaluated is still an error (exit 2), and a critical item is never skipped (it needs a
signed waiver, `gonogo attest ID --waiver-reason ...`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import click

from gonogo.evaluator.decision import APPROVED, NEEDS_WORK, ExitClass, decide, exit_class, failed_collectors
from gonogo.evaluator.summary import summarize

SKIP_FLAG = "--skip"
ITEM_ID = re.compile(r"^\d+\.\d+\.\d+$")


def check_skip_ids(ids: Iterable[str]) -> tuple[str, ...]:
    """The --skip values, each an item ID (a usage error otherwise), in order, once each."""
    chosen = tuple(dict.fromkeys(ids))
    for value in chosen:
        if not ITEM_ID.match(value):
            raise click.UsageError(
                f"--skip {value!r}: not an item ID (like 8.3.4; `gonogo catalog` lists them)"
            )
    return chosen


def apply_skips(report: dict[str, Any], ids: tuple[str, ...]) -> None:
    """Marks the skipped items in the report (in place). An unknown or critical item is refused."""
    if not ids:
        return
    by_id = {entry["id"]: entry for entry in report["items"]}
    unknown = [value for value in ids if value not in by_id]
    if unknown:
        raise click.UsageError(f"--skip {', '.join(unknown)}: no such item (`gonogo catalog` lists them)")
    critical = [value for value in ids if by_id[value]["severity"] == "critical"]
    if critical:
        raise click.UsageError(
            f"--skip {', '.join(critical)}: a critical item is never skipped by a flag; it needs a "
            "signed waiver (`gonogo attest ID --waiver-reason ... --ticket ...`, docs/trust.md)"
        )
    skipped = []
    for value in ids:
        entry = by_id[value]
        entry["skipped_by"] = SKIP_FLAG
        skipped.append(
            {"id": value, "severity": entry["severity"], "verdict": entry["verdict"], "by": SKIP_FLAG}
        )
    report["skipped_items"] = skipped


def skipped_ids(report: dict[str, Any]) -> set[str]:
    return {str(entry["id"]) for entry in report.get("skipped_items") or []}


def gate_class(report: dict[str, Any], fail_on: str) -> ExitClass:
    """exit_class, with the items skipped by flag left out of the gate (never out of errors)."""
    skipped = skipped_ids(report)
    if not skipped:
        return exit_class(report, fail_on)
    if report["summary"]["by_verdict"]["error"] or failed_collectors(report):
        return "error"
    kept = [entry for entry in report["items"] if entry["id"] not in skipped]
    view = dict(report, items=kept, summary=summarize(kept))
    if fail_on == "decision":
        # The reasons that are not about items (failed collectors, a partial snapshot, untrusted
        # attestations) still block; the item reasons are decided again without the skipped items.
        min_score = float(report["min_score"])
        item_reasons = set(decide(report["summary"], min_score)[1])
        other = [reason for reason in report["decision_reasons"] if reason not in item_reasons]
        _, reasons = decide(view["summary"], min_score)
        view["decision"] = NEEDS_WORK if reasons or other else APPROVED
    return exit_class(view, fail_on)


def skip_note(report: dict[str, Any]) -> str | None:
    """One line for logs and summaries naming the skipped items, or None."""
    skipped = report.get("skipped_items") or []
    if not skipped:
        return None
    listed = ", ".join(f"{entry['id']} ({entry['verdict']})" for entry in skipped)
    return f"skipped by {SKIP_FLAG} (left out of the gate, not waived): {listed}"
