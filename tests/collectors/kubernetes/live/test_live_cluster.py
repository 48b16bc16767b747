"""The live-cluster source against a real kube-apiserver + etcd (see conftest.py).

The fixture objects in tests/collectors/kubernetes/fixtures/live are applied to the API server, then read
back through collectors/kubernetes/cluster.py with the kubernetes Python client.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.kubernetes import cluster as live
from gonogo.collectors.kubernetes.cluster import ClusterCollectionError, cluster_facts, collect_cluster
from kubernetes import client, config

from gonogo import api
from tests.collectors.kubernetes.live.apply_objects import load_documents
from tests.collectors.kubernetes.live.live_apiserver import RESTRICTED_CONTEXT, LiveCluster

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "live"
CANARY = "gonogo-canary-5e1f0c9a7b3d"


def _ref(document: dict[str, Any]) -> str:
    return live.ref_of(document["kind"], document["metadata"])


def _refs(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> set[str]:
    return {provenance["ref"] for _, provenance in pairs}


def live_section(options: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """The `kubernetes` section as `gonogo collect` makes it: the real collector, validated."""
    snapshot, _ = api.collect(tmp_path, options=options, only=["kubernetes"])
    assert "errors" not in snapshot["collectors"]["kubernetes"], snapshot["collectors"]["kubernetes"]
    return snapshot["kubernetes"]


def test_server_version_is_the_pinned_release(applied_cluster):
    facts = cluster_facts(applied_cluster)
    version = facts["server_version"]
    assert version["git_version"] == "v1.37.2"
    assert (version["major"], version["minor"]) == (1, 37)
    assert version["provenance"] == {
        "collector": "kubernetes",
        "object": "Version/cluster",
        "ref": "Version/cluster",
    }
    assert facts["server"].startswith("https://127.0.0.1:")


def test_nodes_are_grouped_into_pools_by_their_labels(applied_cluster):
    facts = cluster_facts(applied_cluster)
    assert set(facts["nodes"]) == {d["metadata"]["name"] for d in load_documents(FIXTURES / "nodes")}
    assert (facts["node_count"], facts["worker_node_count"]) == (5, 4)
    general = facts["node_pools"]["general"]
    assert general["count"] == 3
    assert general["label"] == "cloud.google.com/gke-nodepool"
    assert general["zones"] == ["europe-west1-b", "europe-west1-c", "europe-west1-d"]
    assert general["instance_types"] == ["e2-standard-4"]
    assert facts["node_pools"]["batch"]["count"] == 1
    control = facts["nodes"]["control-plane-1"]
    assert control["control_plane"] is True and control["unschedulable"] is True and control["pool"] is None
    assert facts["unpooled_nodes"] == ["control-plane-1"]
    # Nodes registered without a kubelet have no Ready condition: unknown, not ready.
    assert facts["nodes"]["gke-prod-general-1"]["ready"] is None
    assert facts["ready_node_count"] == 0
    assert facts["nodes"]["gke-prod-general-1"]["provenance"] == {
        "collector": "kubernetes",
        "object": "Node/gke-prod-general-1",
        "ref": "Node/gke-prod-general-1",
    }


def test_namespaces_include_the_applied_and_the_system_ones(applied_cluster):
    namespaces = cluster_facts(applied_cluster)["namespaces"]
    assert {"shop", "legacy", "velero", "kube-system", "default"} <= set(namespaces)
    assert namespaces["shop"]["labels"]["team"] == "storefront"
    assert namespaces["shop"]["phase"] == "Active"
    assert namespaces["shop"]["provenance"]["ref"] == "Namespace/shop"


def test_the_collector_puts_cluster_facts_in_the_section(applied_cluster, tmp_path):
    section = live_section(applied_cluster, tmp_path)
    assert section["source"] == "cluster"
    assert section["cluster"]["server_version"]["git_version"] == "v1.37.2"
    assert section["cluster"]["worker_node_count"] == 4
    assert section["namespaces"]["shop"]["provenance"]["ref"] == "Namespace/shop"
    assert (
        section["autoscaling"]["hpas"]["shop/web"]["provenance"]["ref"] == "HorizontalPodAutoscaler/shop/web"
    )


def test_every_applied_object_is_collected_with_its_provenance(applied_cluster):
    pairs = collect_cluster(applied_cluster)
    # Namespaces come from cluster_facts(), not as objects.
    expected = {_ref(d) for d in load_documents(FIXTURES / "objects") if d["kind"] != "Namespace"}
    assert expected <= _refs(pairs), sorted(expected - _refs(pairs))
    for obj, provenance in pairs:
        assert provenance == {
            "collector": "kubernetes",
            "object": provenance["ref"],
            "ref": provenance["ref"],
        }
        assert provenance["ref"] == _ref(obj)
        assert obj["apiVersion"] and obj["kind"]
        assert "managedFields" not in obj["metadata"]


def test_objects_come_back_as_manifests_hold_them(applied_cluster):
    by_ref = {provenance["ref"]: obj for obj, provenance in collect_cluster(applied_cluster)}
    hpa = by_ref["HorizontalPodAutoscaler/shop/web"]
    assert hpa["apiVersion"] == "autoscaling/v2"
    assert (hpa["spec"]["minReplicas"], hpa["spec"]["maxReplicas"]) == (3, 20)
    assert hpa["spec"]["behavior"]["scaleDown"]["policies"] == [
        {"type": "Pods", "value": 1, "periodSeconds": 120}
    ]
    certificate = by_ref["Certificate/shop/web-tls"]
    assert certificate["apiVersion"] == "cert-manager.io/v1"
    assert certificate["spec"]["renewBefore"] == "720h"
    assert by_ref["ClusterIssuer/letsencrypt-prod"]["spec"]["acme"]["email"] == "ops@example.com"
    assert by_ref["Schedule/velero/daily"]["spec"]["template"]["ttl"] == "720h0m0s"
    assert by_ref["VerticalPodAutoscaler/shop/web"]["spec"]["updatePolicy"]["updateMode"] == "Off"
    assert by_ref["ClusterRole/legacy-admin"]["rules"][0]["verbs"] == ["*"]
    assert live.LAST_APPLIED not in (by_ref["Deployment/shop/web"]["metadata"].get("annotations") or {})


def test_secret_values_never_leave_the_api_server(applied_cluster):
    pairs = collect_cluster(applied_cluster)
    secret = next(obj for obj, provenance in pairs if provenance["ref"] == "Secret/shop/web-db")
    assert secret["type"] == "Opaque"
    assert "data" not in secret and "stringData" not in secret
    # kubectl's last-applied annotation holds a full copy of the applied Secret, canary included.
    assert live.LAST_APPLIED not in (secret["metadata"].get("annotations") or {})
    assert CANARY not in json.dumps([obj for obj, _ in pairs if obj["kind"] == "Secret"])


def test_canary_never_reaches_the_snapshot(applied_cluster, tmp_path):
    """The canary sits in a Secret, in kubectl's annotation and in an env literal (legacy/worker)."""
    section = live_section(applied_cluster, tmp_path)
    assert CANARY not in json.dumps(section, default=str)
    worker = section["workloads"]["Deployment/legacy/worker"]
    assert CANARY not in json.dumps(worker)
    assert section["secrets"]["shop/web-db"]["type"] == "Opaque"


def test_namespace_filter_limits_namespaced_objects(applied_cluster):
    options = {**applied_cluster, "namespaces": ["shop"]}
    refs = _refs(collect_cluster(options))
    assert "Deployment/shop/web" in refs
    assert not any("/legacy/" in ref or "/velero/" in ref or "/kube-system/" in ref for ref in refs)
    assert "ClusterRole/legacy-admin" in refs  # cluster-scoped objects are always read
    assert set(cluster_facts(options)["namespaces"]) == {"shop"}


def test_paging_follows_continue_tokens(applied_cluster, live_cluster: LiveCluster):
    api = config.new_client_from_config(
        config_file=str(live_cluster.kubeconfig), context=live_cluster.context, persist_config=False
    )
    with api:
        first = client.CoreV1Api(api).list_config_map_for_all_namespaces(limit=1)
    assert first.metadata._continue, "the server must page when asked for one item"
    paged = collect_cluster({**applied_cluster, "kube_page_size": 1})
    whole = collect_cluster(applied_cluster)
    assert sorted(_refs(paged)) == sorted(_refs(whole))
    assert len(paged) == len(whole)


def test_custom_kinds_are_read_only_when_their_group_is_served(applied_cluster, live_cluster: LiveCluster):
    api = config.new_client_from_config(
        config_file=str(live_cluster.kubeconfig), context=live_cluster.context, persist_config=False
    )
    with api:
        versions = {(group, kind): version for group, version, kind, _, _ in live.served_custom_kinds(api)}
    served = set(versions)
    assert {("cert-manager.io", "Certificate"), ("cert-manager.io", "ClusterIssuer")} <= served
    assert ("velero.io", "Schedule") in served and ("autoscaling.k8s.io", "VerticalPodAutoscaler") in served
    assert not any(group == "monitoring.coreos.com" for group, _ in served)
    # A kind served only in a group's non-preferred version is still found, in that version.
    assert versions[("karpenter.sh", "NodePool")] == "v1"
    assert versions[("karpenter.sh", "Provisioner")] == "v1alpha5"


def test_forbidden_lists_fail_closed(applied_cluster):
    options = {**applied_cluster, "kube_context": RESTRICTED_CONTEXT}
    with pytest.raises(ClusterCollectionError, match=r"cannot list Deployment in all namespaces: HTTP 403"):
        collect_cluster(options)
    with pytest.raises(ClusterCollectionError, match=r"HTTP 403"):
        cluster_facts(options)


def test_unreachable_server_fails_closed(live_cluster: LiveCluster, tmp_path):
    kubeconfig = json.loads(json.dumps(live_cluster._kubeconfig()))
    kubeconfig["clusters"][0]["cluster"]["server"] = "https://127.0.0.1:1"
    path = tmp_path / "kubeconfig"
    path.write_text(json.dumps(kubeconfig))
    with pytest.raises(ClusterCollectionError, match="cannot"):
        collect_cluster({"kubeconfig": str(path), "kube_context": live_cluster.context})


def test_missing_kubeconfig_fails_closed(tmp_path):
    with pytest.raises(ClusterCollectionError, match="cannot load kubeconfig"):
        collect_cluster({"kubeconfig": str(tmp_path / "absent")})
