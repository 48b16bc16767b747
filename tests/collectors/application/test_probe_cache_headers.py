"""7.2.1's HTTP caching layer from a live answer: the probe records Cache-Control beside the
security headers, and the item counts it (a real HTTPS server on 127.0.0.1)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from gonogo.collectors.base import CollectContext
from gonogo.collectors.probe import ProbeCollector

from tests.collectors.probe.probe_servers import GOOD_HEADERS, Authority, https_server, make_authority


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory) -> Authority:
    return make_authority(Path(tmp_path_factory.mktemp("ca")))


def test_the_probe_records_cache_control(authority: Authority, tmp_path: Path) -> None:
    cert, key = authority.issue(tmp_path, "cached", valid_days=90)
    with https_server(cert, key, {**GOOD_HEADERS, "Cache-Control": "public, max-age=600"}) as port:
        url = f"https://127.0.0.1:{port}/"
        options = {"probe_url": url, "probe_ca": str(authority.pem_path), "probe_timeout": 3}
        ctx = CollectContext(
            root=Path("."), files=[], config={}, now=datetime.now(UTC), options=options, collector="probe"
        )
        facts = ProbeCollector().collect(ctx)["security"]["probe"]
    assert facts["headers"]["cache-control"] == "public, max-age=600"
