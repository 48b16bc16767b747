"""Large lists come back complete through `limit`/`continue` paging at the default page size.

A fresh API server gets 2,000 ConfigMaps; the collector must return every one of them, asking
for them in pages of 500 (the calls to the real client lister are counted, not replaced).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from gonogo.collectors.kubernetes import cluster as live
from kubernetes import client, config

from tests.collectors.kubernetes.live.live_apiserver import LiveCluster

BULK = 2000


@pytest.fixture(scope="module")
def bulk_cluster(live_cluster: LiveCluster, tmp_path_factory) -> Iterator[dict[str, Any]]:
    cluster = LiveCluster(workdir=tmp_path_factory.mktemp("bulk-cluster"))
    try:
        cluster.start()
        api = config.new_client_from_config(
            config_file=str(cluster.kubeconfig), context=cluster.context, persist_config=False
        )
        with api:
            core = client.CoreV1Api(api)
            core.create_namespace({"metadata": {"name": "bulk"}})
            for number in range(BULK):
                body = {"metadata": {"name": f"settings-{number:04d}"}, "data": {"key": str(number)}}
                core.create_namespaced_config_map("bulk", body)
        yield {"kubeconfig": str(cluster.kubeconfig), "kube_context": cluster.context}
    finally:
        cluster.stop()


def test_every_object_of_a_large_list_is_collected_in_pages(bulk_cluster, monkeypatch):
    pages: list[int | None] = []
    real_lister = client.CoreV1Api.list_config_map_for_all_namespaces

    def counted(self, **kwargs):
        pages.append(kwargs.get("limit"))
        return real_lister(self, **kwargs)

    monkeypatch.setattr(client.CoreV1Api, "list_config_map_for_all_namespaces", counted)
    started = time.monotonic()
    pairs = live.collect_cluster(bulk_cluster)
    elapsed = time.monotonic() - started
    names = {obj["metadata"]["name"] for obj, _ in pairs if obj["kind"] == "ConfigMap"}
    assert {f"settings-{n:04d}" for n in range(BULK)} <= names
    assert len(pages) >= BULK // live.PAGE_SIZE and set(pages) == {live.PAGE_SIZE}
    assert elapsed < 60, f"collecting {len(pairs)} objects took {elapsed:.1f}s"
