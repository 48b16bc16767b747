"""The same objects give the same verdicts whether read from manifest files or a live API server.

Both paths run end to end through `gonogo.api.check` (the `kubernetes` collector, normalize(),
the real OPA): the manifest path reads tests/collectors/kubernetes/fixtures/live/objects as files, the live
path reads the same objects applied to kube-apiserver (collectors/kubernetes/cluster.py). Only
what a manifest folder cannot show may differ: the server version and the nodes.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from gonogo import api

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "live"
CANARY = "gonogo-canary-5e1f0c9a7b3d"
# Criteria that only a live cluster can decide (manifests carry no server version or nodes).
CLUSTER_ONLY = {
    ("4.1.1", "Kubernetes cluster provisioned (v1.19+)"),
    ("4.1.1", "Node pools configured (min 3 nodes)"),
}
# Namespaces the fixtures use; the live collection is limited to them so that the objects the
# API server makes for itself (kube-public, kube-node-lease, the `kubernetes` Service in
# `default`) are not compared with a manifest folder that cannot contain them.
FIXTURE_NAMESPACES = ["shop", "legacy", "velero", "kube-system"]


@functools.cache
def kubernetes_items() -> frozenset[str]:
    """The items the kubernetes collector feeds, derived from METADATA evidence and its provides."""
    from gonogo.evaluator.catalog import load_catalog
    from gonogo.evaluator.opa_binary import find_opa

    from gonogo.paths import policies_dir
    from tests.support.samples import items_for_collector

    return frozenset(items_for_collector("kubernetes", load_catalog(policies_dir(), find_opa())))


def criteria_verdicts(report: dict[str, Any]) -> dict[tuple[str, str], str]:
    return {
        (item["id"], criterion["text"]): criterion["verdict"]
        for item in report["items"]
        if item["id"] in kubernetes_items()
        for criterion in item["criteria"]
    }


@pytest.fixture(scope="module")
def both_reports(applied_cluster, tmp_path_factory) -> tuple[dict[str, Any], dict[str, Any]]:
    from_files = api.check(FIXTURES / "objects")
    options = {**applied_cluster, "namespaces": FIXTURE_NAMESPACES}
    from_cluster = api.check(tmp_path_factory.mktemp("empty"), options=options)
    return from_files, from_cluster


def _differences(from_files: dict[Any, str], from_cluster: dict[Any, str]) -> dict[Any, tuple[str, Any]]:
    return {
        key: (from_files[key], from_cluster.get(key))
        for key in from_files
        if key not in CLUSTER_ONLY and from_files[key] != from_cluster.get(key)
    }


def test_live_verdicts_match_the_manifest_verdicts(both_reports):
    from_files, from_cluster = (criteria_verdicts(r) for r in both_reports)
    decided = {key: v for key, v in from_files.items() if v in ("pass", "fail")}
    assert len(decided) >= 10, f"the fixtures must decide criteria, not leave them pending: {from_files}"
    assert {"pass", "fail"} <= set(decided.values())
    assert not _differences(from_files, from_cluster)


def test_the_servers_own_objects_do_not_change_a_verdict(both_reports, applied_cluster, tmp_path):
    """Unfiltered, the live path also reads kube-public, kube-node-lease, `default` and the
    server's own Roles and ConfigMaps; a manifest folder has none of them."""
    from_files = criteria_verdicts(both_reports[0])
    unfiltered = criteria_verdicts(api.check(tmp_path, options=applied_cluster))
    assert not _differences(from_files, unfiltered)


def test_only_the_live_cluster_decides_version_and_nodes(both_reports):
    from_files, from_cluster = (criteria_verdicts(r) for r in both_reports)
    for key in CLUSTER_ONLY:
        assert from_files[key] == "pending", (key, from_files[key])
        assert from_cluster[key] == "pass", (key, from_cluster[key])


def test_live_evidence_names_cluster_objects(both_reports):
    _, from_cluster = both_reports
    hpa_item = next(item for item in from_cluster["items"] if item["id"] == "7.1.1")
    evidence = [ref for criterion in hpa_item["criteria"] for ref in criterion.get("evidence") or []]
    assert "HorizontalPodAutoscaler/legacy/worker" in evidence or any("legacy/worker" in e for e in evidence)
    assert not any(".yaml:" in ref for ref in evidence)


def test_canary_never_reaches_either_report(both_reports):
    for report in both_reports:
        assert CANARY not in json.dumps(report, default=str)
