"""Run the monitoring collector on a fixture folder, as the runner does."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.base import CollectContext
from gonogo.collectors.monitoring import MonitoringCollector
from gonogo.collectors.sources.files import walk

from tests.collectors.monitoring.realworld import all_fixtures


def collect(root: Path, options: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[str]]:
    files = list(walk(root, []))
    ctx = CollectContext(
        root=root,
        files=files,
        config={},
        now=datetime.now(UTC),
        options=dict(options or {}),
        collector="monitoring",
    )
    return MonitoringCollector().collect(ctx)["monitoring"], ctx.warnings


@pytest.fixture(scope="session")
def fixtures_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture folders, realworld completed with the files it reads from examples/."""
    return all_fixtures(tmp_path_factory.mktemp("monitoring") / "folders")


@pytest.fixture(scope="session")
def covered(fixtures_dir: Path) -> tuple[dict[str, Any], list[str]]:
    return collect(fixtures_dir / "covered")


@pytest.fixture(scope="session")
def gaps(fixtures_dir: Path) -> tuple[dict[str, Any], list[str]]:
    return collect(fixtures_dir / "gaps")


@pytest.fixture(scope="session")
def realworld(fixtures_dir: Path) -> tuple[dict[str, Any], list[str]]:
    return collect(fixtures_dir / "realworld")


@pytest.fixture(scope="session")
def collect_folder() -> Any:
    return collect
