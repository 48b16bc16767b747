"""Helpers for the reports collector tests: run the real collector over fixture files."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.reports import ReportsCollector
from gonogo.collectors.sources.files import walk

FIXTURES = Path(__file__).parent / "fixtures"


def folder_with(tmp_path: Path, *fixtures: str) -> Path:
    """A folder holding copies of the named fixture files (paths relative to the fixtures folder)."""
    root = tmp_path / "service"
    for fixture in fixtures:
        target = root / fixture
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / fixture, target)
    root.mkdir(exist_ok=True)
    return root


def collect(root: Path, thresholds: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[str]]:
    """The `quality` section the collector returns for root, and its warnings."""
    config = {"thresholds": thresholds or {}}
    ctx = CollectContext(
        root=root, files=list(walk(root, [])), config=config, now=datetime.now(UTC), collector="reports"
    )
    part = ReportsCollector().collect(ctx)
    return part["quality"], ctx.warnings
