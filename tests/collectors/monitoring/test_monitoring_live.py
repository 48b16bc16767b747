"""The monitoring collector against a real kube-apiserver (tests/collectors/kubernetes/live harness): the
realworld fixture's PrometheusRules, ServiceMonitor and dashboard ConfigMap applied to the
cluster are read from it, with `Kind/namespace/name` evidence, and the same kinds in files are
not counted twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kubernetes import config

from tests.collectors.kubernetes.live.apply_objects import apply_documents, load_documents
from tests.collectors.kubernetes.live.live_apiserver import (
    ClusterStartError,
    LiveCluster,
    build_binaries,
    in_ci,
)

pytestmark = pytest.mark.slow

OBJECTS = (
    "deploy/monitoring/rules/node-exporter.yaml",
    "deploy/monitoring/rules/kubernetes-apps.yaml",
    "deploy/monitoring/dashboards/storefront-dashboards.yaml",
    "deploy/monitoring/servicemonitor-storefront.yaml",
)


@pytest.fixture(scope="module")
def cluster_options(tmp_path_factory: pytest.TempPathFactory, fixtures_dir: Path) -> Iterator[dict[str, Any]]:
    cluster = LiveCluster(workdir=tmp_path_factory.mktemp("monitoring-live"))
    try:
        build_binaries()
        cluster.start()
    except (ClusterStartError, OSError) as problem:
        cluster.stop()
        if in_ci():
            pytest.fail(f"live kube-apiserver unavailable: {problem}", pytrace=False)
        pytest.skip(f"live kube-apiserver unavailable: {problem}")
    try:
        api = config.new_client_from_config(
            config_file=str(cluster.kubeconfig), context=cluster.context, persist_config=False
        )
        staging = tmp_path_factory.mktemp("objects")
        for relative in OBJECTS:
            source = fixtures_dir / "realworld" / relative
            (staging / source.name).write_text(source.read_text())
        with api:
            apply_documents(api, load_documents(staging))
        yield {"kubeconfig": str(cluster.kubeconfig), "kube_context": cluster.context}
    finally:
        cluster.stop()


def test_rules_and_dashboards_come_from_the_cluster(cluster_options, fixtures_dir, collect_folder) -> None:
    section, _ = collect_folder(fixtures_dir / "realworld", cluster_options)
    alerts = section["alerts"]
    crash = alerts["KubePodCrashLooping"]
    assert crash["provenance"] == {
        "collector": "monitoring",
        "object": "PrometheusRule/monitoring/kubernetes-apps",
        "ref": "PrometheusRule/monitoring/kubernetes-apps",
    }
    # the plain rule file is not a Kubernetes object: still read from the repository
    assert (
        alerts["StorefrontHighErrorRate"]["provenance"]["ref"]
        == "deploy/monitoring/rules/storefront.rules.yml:16"
    )
    # node-exporter rules exist once (from the cluster), not once more from the file
    disk = [row["ref"] for row in section["alert_coverage"]["disk_space"]["alerts"]]
    assert disk == ["PrometheusRule/monitoring/node-exporter"] * 3
    dashboards = {d["title"]: d for d in section["grafana"]["dashboards"].values()}
    assert dashboards["Storefront / RED"]["provenance"]["ref"] == "ConfigMap/monitoring/storefront-dashboards"
    assert dashboards["Storefront / RED"]["placement"] == "sidecar-configmap"
    sources = section["prometheus"]["scrape_sources"]
    assert sources["ServiceMonitor/storefront/storefront"]["provenance"]["object"] == (
        "ServiceMonitor/storefront/storefront"
    )
