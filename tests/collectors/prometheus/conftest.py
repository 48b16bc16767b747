"""Session fixtures: real Prometheus servers on 127.0.0.1 (see live_prometheus.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.collectors.prometheus.live_prometheus import LivePrometheus, live_prometheus

BACKFILL_HOURS = 30.0


@pytest.fixture(scope="session")
def backfilled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LivePrometheus]:
    """Scraping the exporter, with 30 h of `up` history for it backfilled by promtool."""
    with live_prometheus(tmp_path_factory.mktemp("prometheus-backfilled"), BACKFILL_HOURS) as server:
        yield server


@pytest.fixture(scope="session")
def with_dead_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LivePrometheus]:
    """Scraping the exporter and a port nothing listens on (job worker)."""
    with live_prometheus(tmp_path_factory.mktemp("prometheus-dead"), dead_target=True) as server:
        yield server
