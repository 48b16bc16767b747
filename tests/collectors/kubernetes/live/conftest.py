"""Session fixture: a real etcd + kube-apiserver on loopback (see live_apiserver.py).

Building the binaries (scripts/build-kube) is skipped when they are up to date. Outside CI a
machine that cannot build or start them skips the live tests with the exact reason; in CI
(`CI=true`) the same problem fails them, so the gate cannot go quietly untested.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kubernetes import config

from tests.collectors.kubernetes.live.apply_objects import apply_documents, load_documents
from tests.collectors.kubernetes.live.live_apiserver import (
    ClusterStartError,
    LiveCluster,
    build_binaries,
    in_ci,
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def live_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveCluster]:
    cluster = LiveCluster(workdir=tmp_path_factory.mktemp("live-cluster"))
    try:
        build_binaries()
        cluster.start()
    except (ClusterStartError, OSError) as problem:
        cluster.stop()
        reason = f"live kube-apiserver unavailable: {problem}"
        if in_ci():
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    try:
        yield cluster
    finally:
        cluster.stop()


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "live"


@pytest.fixture(scope="session")
def applied_cluster(live_cluster: LiveCluster) -> dict[str, object]:
    """The live cluster with every fixture under tests/collectors/kubernetes/fixtures/live applied; the
    collector options that reach it as the test admin."""
    api = config.new_client_from_config(
        config_file=str(live_cluster.kubeconfig), context=live_cluster.context, persist_config=False
    )
    with api:
        for folder in ("crds", "nodes", "objects"):
            apply_documents(api, load_documents(FIXTURES / folder))
    return {"kubeconfig": str(live_cluster.kubeconfig), "kube_context": live_cluster.context}
