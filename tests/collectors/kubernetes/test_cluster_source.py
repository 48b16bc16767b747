"""collectors/sources/cluster.py: the live cluster is listed once per run and shared."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.base import CollectContext
from gonogo.collectors.kubernetes import cluster as lister
from gonogo.collectors.kubernetes.cluster import ClusterCollectionError
from gonogo.collectors.monitoring.live_cluster import cluster_documents
from gonogo.collectors.sources.cluster import cluster_objects

OPTIONS = {"kubeconfig": "/nowhere/kubeconfig", "namespaces": ["shop"]}
RULE = {
    "apiVersion": "monitoring.coreos.com/v1",
    "kind": "PrometheusRule",
    "metadata": {"name": "rules", "namespace": "shop"},
    "spec": {"groups": []},
}


def _ctx(tmp_path: Path) -> CollectContext:
    return CollectContext(
        root=tmp_path, files=[], config={}, now=datetime(2026, 1, 1, tzinfo=UTC), options=dict(OPTIONS)
    )


def test_one_listing_serves_every_collector_each_with_its_own_copy(tmp_path, monkeypatch):
    calls: list[dict[str, Any]] = []

    def listing(options: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        calls.append(options)
        return [
            (
                RULE,
                {
                    "collector": "kubernetes",
                    "object": "PrometheusRule/shop/rules",
                    "ref": "PrometheusRule/shop/rules",
                },
            )
        ]

    monkeypatch.setattr(lister, "collect_cluster", listing)
    ctx = _ctx(tmp_path)
    ctx.collector = "kubernetes"
    first = cluster_objects(ctx)
    first[0][0]["metadata"]["name"] = "changed by one reader"
    ctx.collector = "monitoring"
    documents = cluster_documents(ctx)
    assert len(calls) == 1
    assert calls[0]["namespaces"] == ["shop"]
    assert [d.source.rel for d in documents] == ["PrometheusRule/shop/rules"]
    assert documents[0].value["metadata"]["name"] == "rules"
    assert _ctx(tmp_path).shared == {}  # a new run lists again


def test_a_listing_error_reaches_every_collector_without_asking_again(tmp_path, monkeypatch):
    calls: list[int] = []

    def failing(options: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        calls.append(1)
        raise ClusterCollectionError("cannot list namespaces: HTTP 403 Forbidden")

    monkeypatch.setattr(lister, "collect_cluster", failing)
    ctx = _ctx(tmp_path)
    for _ in range(2):
        with pytest.raises(ClusterCollectionError, match="403"):
            cluster_objects(ctx)
    assert calls == [1]
