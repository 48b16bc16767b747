from __future__ import annotations

from pathlib import Path

import pytest

from tests.collectors.probe.probe_servers import Authority, make_authority


@pytest.fixture(scope="session")
def authority(tmp_path_factory: pytest.TempPathFactory) -> Authority:
    return make_authority(Path(tmp_path_factory.mktemp("ca")))
