"""In-cluster mode with the documented least-privilege ClusterRole (fixtures rbac/gonogo-reader.yaml).

A fresh API server gets the fixtures and the `gonogo` ServiceAccount bound to `gonogo-reader`;
a real service-account token (TokenRequest API, signed by the server's key) is written where a
pod would have it, and the collector runs with `in_cluster: True`. It must see exactly what the
cluster admin sees.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.kubernetes.cluster import ClusterCollectionError, cluster_facts, collect_cluster
from kubernetes import client, config
from kubernetes.config import incluster_config

from tests.collectors.kubernetes.live.apply_objects import apply_documents, load_documents
from tests.collectors.kubernetes.live.live_apiserver import LiveCluster

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "live"


@pytest.fixture(scope="module")
def reader_cluster(live_cluster: LiveCluster, tmp_path_factory) -> Iterator[tuple[LiveCluster, Path]]:
    """(a cluster with the fixtures and gonogo-reader applied, a pod-like service-account folder)."""
    cluster = LiveCluster(workdir=tmp_path_factory.mktemp("reader-cluster"))
    try:
        cluster.start()
        api = config.new_client_from_config(
            config_file=str(cluster.kubeconfig), context=cluster.context, persist_config=False
        )
        with api:
            for folder in ("crds", "nodes", "objects", "rbac"):
                apply_documents(api, load_documents(FIXTURES / folder))
            request = {"spec": {"expirationSeconds": 3600}}
            answer = client.CoreV1Api(api).create_namespaced_service_account_token(
                "gonogo", "gonogo-system", request
            )
        account = tmp_path_factory.mktemp("serviceaccount")
        (account / "token").write_text(answer.status.token)
        (account / "ca.crt").write_bytes((cluster.workdir / "pki" / "ca.crt").read_bytes())
        yield cluster, account
    finally:
        cluster.stop()


@pytest.fixture
def in_pod(reader_cluster, monkeypatch) -> LiveCluster:
    """The environment a pod has: KUBERNETES_SERVICE_HOST/PORT and the mounted token and CA."""
    cluster, account = reader_cluster
    host, port = cluster.server.removeprefix("https://").rsplit(":", 1)
    monkeypatch.setenv("KUBERNETES_SERVICE_HOST", host)
    monkeypatch.setenv("KUBERNETES_SERVICE_PORT", port)
    monkeypatch.setattr(incluster_config, "SERVICE_TOKEN_FILENAME", str(account / "token"))
    monkeypatch.setattr(incluster_config, "SERVICE_CERT_FILENAME", str(account / "ca.crt"))
    return cluster


def _refs(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> list[str]:
    return sorted(provenance["ref"] for _, provenance in pairs)


def test_the_reader_role_sees_what_the_admin_sees(in_pod: LiveCluster):
    admin = {"kubeconfig": str(in_pod.kubeconfig), "kube_context": in_pod.context}
    as_pod = collect_cluster({"in_cluster": True})
    assert _refs(as_pod) == _refs(collect_cluster(admin))
    assert "Certificate/shop/web-tls" in _refs(as_pod)
    assert "Secret/shop/web-db" in _refs(as_pod)
    facts = cluster_facts({"in_cluster": True})
    assert facts["server_version"]["git_version"] == "v1.37.2"
    assert facts["worker_node_count"] == 4


def test_in_cluster_outside_a_pod_fails_closed(monkeypatch):
    monkeypatch.delenv("KUBERNETES_SERVICE_HOST", raising=False)
    with pytest.raises(ClusterCollectionError, match="cannot load the in-cluster service account"):
        collect_cluster({"in_cluster": True})
