"""Fixtures of the kubernetes collector's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.collectors.kubernetes.realworld import realworld_folder


@pytest.fixture(scope="session")
def realworld_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The realworld folder, completed from examples/sample-service (do not modify it)."""
    return realworld_folder(tmp_path_factory.mktemp("kubernetes") / "realworld")
