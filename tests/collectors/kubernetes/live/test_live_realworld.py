"""The manifest slice's fixture folders (tests/collectors/kubernetes/fixtures/...) applied to a fresh API
server give the same verdicts as `gonogo check` on their files.

The live run keeps each folder's gonogo.yaml and Terraform plan (the cloud side is not in the
cluster) but not its manifests: every Kubernetes fact then comes from the API server. Files the
manifest path skips (Helm templates, Jinja) are skipped when applying too.
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
from tests.collectors.kubernetes.live.apply_objects import apply_documents, load_documents
from tests.collectors.kubernetes.live.live_apiserver import LiveCluster
from tests.collectors.kubernetes.live.test_live_parity import CLUSTER_ONLY, criteria_verdicts

MANIFEST_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# folder -> (what holds its manifests, what the live run keeps besides them)
FOLDERS = {
    "realworld": ("k8s", ("gonogo.yaml", "terraform")),
    "failing": (".", ("gonogo.yaml",)),
    "helm-chart": ("rendered.yaml", ()),
}


@pytest.fixture(scope="module", params=sorted(FOLDERS))
def folder_reports(
    request: pytest.FixtureRequest, live_cluster: LiveCluster, tmp_path_factory, realworld_root: Path
) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(folder, report from its files, report from a fresh cluster holding the same objects)."""
    name = request.param
    folder = realworld_root if name == "realworld" else MANIFEST_FIXTURES / name
    manifests, kept = FOLDERS[name]
    cluster = LiveCluster(workdir=tmp_path_factory.mktemp(f"{name}-cluster"))
    try:
        cluster.start()
        client = config.new_client_from_config(
            config_file=str(cluster.kubeconfig), context=cluster.context, persist_config=False
        )
        with client:
            apply_documents(client, load_documents(folder / manifests))
        root = tmp_path_factory.mktemp(f"{name}-without-manifests")
        for entry in kept:
            copy = shutil.copytree if (folder / entry).is_dir() else shutil.copy
            copy(folder / entry, root / entry)
        options = {"kubeconfig": str(cluster.kubeconfig), "kube_context": cluster.context}
        yield name, api.check(folder), api.check(root, options=options)
    finally:
        cluster.stop()


# Differences that applying the objects makes inevitable: (folder, item, criterion) -> why.
INHERENT = {
    ("failing", "4.1.1", "Namespaces created"): (
        "the objects use namespaces legacy and velero that no manifest declares (files: fail); the "
        "API server cannot hold them without those namespaces, so the cluster has them (live: pass)"
    ),
}
# A bare API server holds bootstrap RBAC (labelled kubernetes.io/bootstrapping=rbac-defaults:
# Role kube-system/extension-apiserver-authentication-reader, ClusterRoleBinding cluster-admin, ...).
# It must not count as the service's RBAC: a chart without any Role fails live as from files.
BOOTSTRAP_RBAC = {
    ("helm-chart", "2.2.7", "RBAC implemented"),
    ("helm-chart", "4.1.1", "RBAC policies applied"),
}


def criteria_messages(report: dict[str, Any]) -> dict[tuple[str, str], str]:
    return {
        (item["id"], c["text"]): c.get("message") or "" for item in report["items"] for c in item["criteria"]
    }


def held_back_by_templates(report: dict[str, Any]) -> set[tuple[str, str]]:
    """Criteria the file run holds pending for a template it could not read (`evidence not read:
    <template>`): the template is not applied either, so the cluster cannot show its objects."""
    templates = {entry["path"] for entry in report.get("skipped") or []}
    return {
        key
        for key, message in criteria_messages(report).items()
        if any(message.startswith(f"evidence not read: {path}: ") for path in templates)
    }


def test_live_verdicts_match_the_manifest_verdicts(folder_reports):
    name, from_files_report, from_cluster_report = folder_reports
    from_files, from_cluster = criteria_verdicts(from_files_report), criteria_verdicts(from_cluster_report)
    assert sum(v in ("pass", "fail") for v in from_files.values()) >= 10, name
    messages = criteria_messages(from_cluster_report)
    held_back = held_back_by_templates(from_files_report)
    differences = {
        f"{key[0]} {key[1]}": (from_files[key], from_cluster.get(key), messages.get(key))
        for key in from_files
        if key not in CLUSTER_ONLY
        and (name, *key) not in INHERENT
        and key not in held_back
        and from_files[key] != from_cluster.get(key)
    }
    assert not differences, f"{name}: {json.dumps(differences, indent=1)}"


def test_a_template_holds_back_only_what_it_could_feed(folder_reports):
    # the unrendered chart's objects are workloads: the certificate, DNS and HTTPS criteria the
    # same run passes from plain manifests are not held back with them
    name, from_files_report, _ = folder_reports
    held_back = held_back_by_templates(from_files_report)
    verdicts = criteria_verdicts(from_files_report)
    assert all(verdicts[key] == "pending" for key in held_back)
    if name == "realworld":
        assert ("G.1.4", "No :latest or untagged images") in held_back
        assert verdicts[("4.1.3", "Valid certificates installed")] == "pass"
        assert verdicts[("4.3.2", "Records created and propagated")] == "pass"


def test_inherent_differences_are_what_a_cluster_must_show(folder_reports):
    name, from_files_report, from_cluster_report = folder_reports
    from_files, from_cluster = criteria_verdicts(from_files_report), criteria_verdicts(from_cluster_report)
    for folder, item, criterion in INHERENT:
        if folder == name:
            assert (from_files[(item, criterion)], from_cluster[(item, criterion)]) == ("fail", "pass")


def test_bootstrap_rbac_does_not_count_as_the_services_rbac(folder_reports):
    name, from_files_report, from_cluster_report = folder_reports
    if name != "helm-chart":
        pytest.skip("the helm-chart folder declares no RBAC")
    from_files, from_cluster = criteria_verdicts(from_files_report), criteria_verdicts(from_cluster_report)
    for _, item, criterion in BOOTSTRAP_RBAC:
        assert from_cluster[(item, criterion)] == from_files[(item, criterion)] == "fail"


def test_live_evidence_names_cluster_objects(folder_reports):
    name, _, from_cluster = folder_reports
    refs = [
        ref
        for item in from_cluster["items"]
        if item["id"] in ("2.2.7", "7.1.1")
        for criterion in item["criteria"]
        for ref in criterion.get("evidence") or []
    ]
    assert refs, name
    assert not any(".yaml" in ref or ".json" in ref for ref in refs), (name, refs)


def test_the_realworld_failures_hold_live(folder_reports):
    """The realworld README's deliberate Kubernetes failures, on the live path."""
    name, _, from_cluster = folder_reports
    if name != "realworld":
        pytest.skip("realworld only")
    items = {item["id"]: item for item in from_cluster["items"]}
    assert items["7.1.1"]["verdict"] == "fail"
    assert items["2.2.7"]["verdict"] == "fail"
    evidence = [ref for c in items["2.2.7"]["criteria"] for ref in c.get("evidence") or []]
    assert "ClusterRole/ci-deployer" in evidence
