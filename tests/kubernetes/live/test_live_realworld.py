"""The realworld fixture (tests/fixtures/kubernetes/realworld) applied to a fresh API server gives
the same verdicts as `gonogo check` on its manifest files.

The live run keeps the folder's gonogo.yaml and Terraform plan (the cloud side is not in the
cluster) but not its manifests: every Kubernetes fact then comes from the API server.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kubernetes import config

from gonogo import api
from tests.kubernetes.live.apply_objects import apply_documents, load_documents
from tests.kubernetes.live.live_apiserver import LiveCluster
from tests.kubernetes.live.test_live_parity import CLUSTER_ONLY, criteria_verdicts

REALWORLD = Path(__file__).resolve().parents[2] / "fixtures" / "kubernetes" / "realworld"
MANIFESTS = REALWORLD / "k8s"  # charts/ is Helm templating: neither path reads it without --helm


@pytest.fixture(scope="module")
def realworld_reports(
    live_cluster: LiveCluster, tmp_path_factory
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(report from the files, report from a second live cluster holding the same objects)."""
    cluster = LiveCluster(workdir=tmp_path_factory.mktemp("realworld-cluster"))
    try:
        cluster.start()
        client = config.new_client_from_config(
            config_file=str(cluster.kubeconfig), context=cluster.context, persist_config=False
        )
        with client:
            apply_documents(client, load_documents(MANIFESTS))
        root = tmp_path_factory.mktemp("realworld-without-manifests")
        shutil.copy(REALWORLD / "gonogo.yaml", root / "gonogo.yaml")
        shutil.copytree(REALWORLD / "terraform", root / "terraform")
        options = {"kubeconfig": str(cluster.kubeconfig), "kube_context": cluster.context}
        yield api.check(REALWORLD), api.check(root, options=options)
    finally:
        cluster.stop()


def test_realworld_live_verdicts_match_the_manifest_verdicts(realworld_reports):
    from_files, from_cluster = (criteria_verdicts(r) for r in realworld_reports)
    assert sum(v in ("pass", "fail") for v in from_files.values()) >= 20
    differences = {
        key: (from_files[key], from_cluster.get(key))
        for key in from_files
        if key not in CLUSTER_ONLY and from_files[key] != from_cluster.get(key)
    }
    assert not differences, json.dumps({f"{k[0]} {k[1]}": v for k, v in differences.items()}, indent=1)


def test_realworld_decisions_are_the_documented_ones(realworld_reports):
    """The README's deliberate failures hold on the live path too, with cluster evidence."""
    _, from_cluster = realworld_reports
    items = {item["id"]: item for item in from_cluster["items"]}
    assert items["7.1.1"]["verdict"] == "fail"
    assert items["2.2.7"]["verdict"] == "fail"
    evidence = [ref for c in items["2.2.7"]["criteria"] for ref in c.get("evidence") or []]
    assert "ClusterRole/ci-deployer" in evidence
