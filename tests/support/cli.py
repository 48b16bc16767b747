"""Running the installed gonogo as users do, the sample service's day, and report lookups."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "sample-service"
# The sample service's rehearsal dates and waiver expiry are judged as on this day, so the
# expectations do not rot as the calendar moves (gonogo honours SOURCE_DATE_EPOCH).
EXAMPLE_DAY = {
    "SOURCE_DATE_EPOCH": str(int(datetime(2026, 11, 29, 12, tzinfo=UTC).timestamp())),
    "GONOGO_ALLOW_PAST_CLOCK": "1",  # a pinned day is a replay: allowed, and never exit 0
}


def run_gonogo(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """The installed console script, as users run it."""
    command = [str(Path(sys.executable).with_name("gonogo")), *args]
    return subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )


def items_by_id(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["id"]: entry for entry in report["items"]}


def item(report: dict[str, Any], item_id: str) -> dict[str, Any]:
    """The report's item of this ID (KeyError if the report lacks it)."""
    return items_by_id(report)[item_id]


def item_criterion(entry: dict[str, Any], text: str) -> dict[str, Any]:
    """The criterion of one report item with exactly this text (StopIteration if none)."""
    return next(c for c in entry["criteria"] if c["text"] == text)


def criterion(report: dict[str, Any], item_id: str, text: str) -> dict[str, Any]:
    return item_criterion(item(report, item_id), text)
