"""Helpers for the migrations collector tests: run the real collector over fixture folders."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.migrations import MigrationsCollector
from gonogo.collectors.sources.files import walk

FIXTURES = Path(__file__).parent / "fixtures"


def run(root: Path) -> tuple[dict[str, Any], CollectContext]:
    """The collector's output for root (the `operations` part, {} when nothing found) and its context."""
    ctx = CollectContext(
        root=root, files=list(walk(root, [])), config={}, now=datetime.now(UTC), collector="migrations"
    )
    out = MigrationsCollector().collect(ctx)
    return out.get("operations", {}), ctx


def fixture(name: str) -> tuple[dict[str, Any], CollectContext]:
    return run(FIXTURES / name)


def compose(tmp_path: Path, parts: dict[str, str]) -> Path:
    """A service folder built from fixture files or folders: {target inside the folder: fixture path}."""
    root = tmp_path / "service"
    root.mkdir(exist_ok=True)
    for target, source in parts.items():
        src, dst = FIXTURES / source, root / target
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    return root
