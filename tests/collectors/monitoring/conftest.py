"""Run the monitoring collector on a fixture folder, as the runner does."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.base import CollectContext
from gonogo.collectors.monitoring import MonitoringCollector
from gonogo.collectors.source_files import walk

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def collect(root: Path, options: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[str]]:
    files = list(walk(root, []))
    ctx = CollectContext(
        root=root, files=files, config={}, now=datetime.now(UTC), options=dict(options or {})
    )
    return MonitoringCollector().collect(ctx)["monitoring"], ctx.warnings


@pytest.fixture(scope="session")
def covered() -> tuple[dict[str, Any], list[str]]:
    return collect(FIXTURES / "covered")


@pytest.fixture(scope="session")
def gaps() -> tuple[dict[str, Any], list[str]]:
    return collect(FIXTURES / "gaps")


@pytest.fixture(scope="session")
def realworld() -> tuple[dict[str, Any], list[str]]:
    return collect(FIXTURES / "realworld")


@pytest.fixture(scope="session")
def collect_folder() -> Any:
    return collect


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
