"""Kustomize strategic-merge patches read without kustomize: merged into their base, never read as
objects of their own (collectors/kubernetes/patches.py); checked against the real kustomize."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from gonogo.collectors.kubernetes import is_cluster_object
from gonogo.collectors.kubernetes.patches import looks_like_patch, strategic_merge

from tests.collectors.kubernetes.test_k8s_manifests import _collect

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PATCHES = FIXTURES / "kustomize_patches"


def _summary(workload: dict) -> dict:
    return {
        "replicas": workload["replicas"],
        "containers": {
            c["name"]: (
                c["image"],
                c["limits"],
                c["requests"],
                sorted(e["name"] for e in c["env"]["literals"]),
                c["env"]["configmap_refs"],
            )
            for c in workload["containers"]
        },
    }


def test_overlay_patches_are_merged_into_the_base_it_patches():
    section, warnings = _collect(PATCHES)
    assert warnings == []
    api = section["workloads"]["Deployment/shop/api"]
    assert set(section["workloads"]) == {"Deployment/shop/api"}  # the patch is no workload of its own
    assert api["provenance"]["file"] == "base/deployment.yaml"
    assert api["patched_by"] == [
        "overlays/prod/kustomization.yaml (inline patch of Deployment/shop/api)",
        "overlays/prod/sizing.yaml:1",
    ]
    assert _summary(api) == {
        "replicas": 4,
        "containers": {
            "api": (
                "registry.example.com/api:2.1.0",
                {"cpu": "1", "memory": "1Gi"},
                {"cpu": "100m", "memory": "128Mi"},
                ["LOG_LEVEL", "REGION"],
                ["api-config"],
            )
        },
    }


def test_the_merge_agrees_with_the_real_kustomize():
    kubectl, kustomize = shutil.which("kubectl"), shutil.which("kustomize")
    if not kubectl and not kustomize:
        pytest.skip("neither kubectl nor kustomize is on PATH")
    plain, _ = _collect(PATCHES)
    rendered, warnings = _collect(PATCHES, kustomize=True)
    assert warnings == []
    assert _summary(plain["workloads"]["Deployment/shop/api"]) == _summary(
        rendered["workloads"]["Deployment/shop/api"]
    )
    argv = [kubectl, "kustomize"] if kubectl else [str(kustomize), "build"]
    out = subprocess.run(
        [*argv, str(PATCHES / "overlays" / "prod")], capture_output=True, text=True, check=True
    ).stdout
    (document,) = [d for d in yaml.safe_load_all(out) if is_cluster_object(d)]
    base = yaml.safe_load((PATCHES / "base" / "deployment.yaml").read_text())
    patch = yaml.safe_load((PATCHES / "overlays" / "prod" / "sizing.yaml").read_text())
    merged = strategic_merge(base, patch)
    merged["spec"]["template"]["spec"]["containers"] = [
        c for c in merged["spec"]["template"]["spec"]["containers"] if c["name"] != "proxy"
    ]
    rendered_api = document["spec"]["template"]["spec"]["containers"][0]
    merged_api = merged["spec"]["template"]["spec"]["containers"][0]
    assert sorted(rendered_api["env"], key=str) == sorted(merged_api["env"], key=str)
    assert rendered_api["resources"] == merged_api["resources"]


def test_a_patch_alone_is_skipped_with_its_reason_not_read_as_a_workload(tmp_path):
    (tmp_path / "prod").mkdir()
    shutil.copy(PATCHES / "overlays" / "prod" / "sizing.yaml", tmp_path / "prod" / "sizing.yaml")
    section, warnings = _collect(tmp_path)
    assert section == {}  # nothing but a patch: no object collected, the items stay pending
    assert warnings[0].startswith(
        "prod/sizing.yaml:1: not read: a Kustomize strategic-merge patch of Deployment/shop/api, whose base"
    )


def test_patch_without_base_feeds_the_tables_its_object_would_fill(tmp_path):
    from datetime import UTC, datetime

    from gonogo.collectors.base import CollectContext
    from gonogo.collectors.kubernetes import KubernetesCollector
    from gonogo.collectors.sources.files import walk

    shutil.copy(PATCHES / "overlays" / "prod" / "sizing.yaml", tmp_path / "sizing.yaml")
    (tmp_path / "cm.yaml").write_text(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: shop}\n"
    )
    ctx = CollectContext(
        root=tmp_path,
        files=list(walk(tmp_path, [])),
        config={},
        now=datetime.now(UTC),
        options={},
        collector="kubernetes",
    )
    section = KubernetesCollector().collect(ctx)["kubernetes"]
    assert section["workloads"] == {}
    (entry,) = ctx.skipped
    assert entry["file"] == "sizing.yaml"
    assert entry["reason"].startswith("a Kustomize strategic-merge patch of Deployment/shop/api, whose base")
    assert "kubernetes.workloads" in entry["feeds"]


def test_patches_of_two_overlays_on_one_base_leave_the_base_unpatched(tmp_path):
    shutil.copytree(PATCHES, tmp_path / "k")
    staging = tmp_path / "k" / "overlays" / "staging"
    staging.mkdir()
    (staging / "kustomization.yaml").write_text(
        "resources: [../../base]\npatches:\n  - path: replicas.yaml\n"
    )
    (staging / "replicas.yaml").write_text(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec: {replicas: 1}\n"
    )
    section, warnings = _collect(tmp_path / "k")
    api = section["workloads"]["Deployment/shop/api"]
    assert api["replicas"] == 2 and "patched_by" not in api  # the base as written, not a hybrid
    assert sum("one of the patches of 2 kustomizations" in w for w in warnings) == 3


def test_a_complete_workload_is_no_patch():
    complete = yaml.safe_load((PATCHES / "base" / "deployment.yaml").read_text())
    assert not looks_like_patch(complete)
    assert looks_like_patch(yaml.safe_load((PATCHES / "overlays" / "prod" / "sizing.yaml").read_text()))
    assert looks_like_patch({"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"replicas": 3}})
    assert not looks_like_patch({"apiVersion": "v1", "kind": "Service", "spec": {}})
    job = {"kind": "Job", "spec": {"template": {"spec": {"containers": [{"name": "a", "image": "a:1"}]}}}}
    assert not looks_like_patch(job)


def test_strategic_merge_directives():
    base = {"a": {"b": 1, "c": 2}, "l": [1, 2], "containers": [{"name": "x", "image": "x:1"}]}
    assert strategic_merge(base, {"a": {"c": None}}) == {**base, "a": {"b": 1}}
    assert strategic_merge(base, {"l": [3]})["l"] == [3]  # a list without merge key is replaced
    assert strategic_merge(base, {"a": {"$patch": "replace", "d": 4}})["a"] == {"d": 4}
    merged = strategic_merge(
        base, {"containers": [{"name": "y", "image": "y:1"}, {"name": "x", "args": ["-v"]}]}
    )
    assert merged["containers"] == [
        {"name": "x", "image": "x:1", "args": ["-v"]},
        {"name": "y", "image": "y:1"},
    ]
    assert base["containers"] == [{"name": "x", "image": "x:1"}]  # the base is not changed
