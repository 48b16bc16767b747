"""The kubernetes collector on folders of manifests: found by content, templating skipped, renderers."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.base import CollectContext
from gonogo.collectors.kubernetes import KubernetesCollector, is_cluster_object
from gonogo.collectors.sources.files import walk

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _collect(root: Path, **options: Any) -> tuple[dict[str, Any], list[str]]:
    ctx = CollectContext(
        root=root,
        files=list(walk(root, [])),
        config={},
        now=datetime.now(UTC),
        options=options,
        collector="kubernetes",
    )
    part = KubernetesCollector().collect(ctx)
    return part.get("kubernetes", {}), ctx.warnings


def test_realworld_folder_is_read_by_content_with_lines(realworld_root):
    section, warnings = _collect(realworld_root)
    assert section["source"] == "manifests"
    web = section["workloads"]["Deployment/shop/web"]
    assert web["provenance"] == {
        "collector": "kubernetes",
        "file": "k8s/base/web.yaml",
        "line": 1,
        "ref": "k8s/base/web.yaml:1",
    }
    # JSON List items keep the file of the List
    assert section["autoscaling"]["hpas"]["shop/worker"]["provenance"]["file"] == "k8s/base/worker.json"
    assert section["autoscaling"]["hpas"]["shop/web"]["provenance"]["ref"] == "k8s/base/web.yaml:73"
    assert section["kinds"]["Deployment"] == 5
    # the Helm chart's templates are not YAML until rendered: skipped with a warning, not a crash
    assert any("charts/shop-extras: Helm chart templates skipped" in w for w in warnings)
    assert "Deployment/shop/RELEASE-NAME-mailer" not in section["workloads"]


def test_templated_file_is_skipped_with_a_warning_without_content(tmp_path):
    (tmp_path / "deploy.yaml").write_text(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ name }}\n"
        "  password: {{ gonogo-canary-tmpl-11 }}\n"
    )
    (tmp_path / "ok.yaml").write_text("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: n}\n")
    section, warnings = _collect(tmp_path)
    assert set(section["configmaps"]) == {"n/a"}
    assert len(warnings) == 1 and warnings[0].startswith("deploy.yaml: templated, not YAML (line 4")
    assert "canary" not in json.dumps(warnings)


def test_tool_config_files_are_not_cluster_objects():
    assert not is_cluster_object({"apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization"})
    assert not is_cluster_object({"apiVersion": "v1", "kind": "Config", "clusters": []})
    assert not is_cluster_object({"apiVersion": 2, "kind": "Deployment"})
    assert is_cluster_object({"apiVersion": "v1", "kind": "List", "items": []})


def test_folder_without_objects_is_not_collected(tmp_path):
    (tmp_path / "values.yaml").write_text("replicaCount: 2\n")
    section, warnings = _collect(tmp_path)
    assert section == {}
    assert warnings == ["no Kubernetes objects found in the manifests; kubernetes items stay pending"]


def test_kustomize_renders_the_overlay_with_the_real_kubectl():
    if not shutil.which("kubectl") and not shutil.which("kustomize"):
        pytest.skip("neither kubectl nor kustomize is on PATH")
    plain, _ = _collect(FIXTURES / "kustomize")
    assert plain["autoscaling"]["hpas"]["default/web"]["min_replicas"] == 1  # the base file, read as is
    rendered, warnings = _collect(FIXTURES / "kustomize", kustomize=True)
    assert warnings == []
    hpa = rendered["autoscaling"]["hpas"]["prod/web"]
    assert (hpa["min_replicas"], hpa["max_replicas"], hpa["target_found"]) == (3, 20, True)
    assert hpa["provenance"]["file"] == "overlays/prod/kustomization.yaml"
    assert hpa["provenance"]["ref"] == (
        "overlays/prod/kustomization.yaml (HorizontalPodAutoscaler/prod/web, kustomize)"
    )
    assert set(rendered["workloads"]) == {"Deployment/prod/web"}  # the base is not read twice


def test_helm_option_without_helm_warns(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "realworld" / "charts", tmp_path / "charts")
    monkeypatch.setenv("PATH", "/nonexistent")
    section, warnings = _collect(tmp_path, helm=True)
    assert section == {}
    assert "charts/shop-extras: Helm chart not rendered: helm is not on PATH" in warnings


def test_helm_renders_charts_with_template_provenance(tmp_path, monkeypatch):
    if not _with_repo_tools(monkeypatch):
        pytest.skip("helm is not on PATH (build it with: go install helm.sh/helm/v3/cmd/helm@v3.16.4)")
    shutil.copytree(FIXTURES / "realworld" / "charts", tmp_path / "charts")
    section, warnings = _collect(tmp_path, helm=True)
    assert warnings == []
    mailer = section["workloads"]["Deployment/shop/gonogo-mailer"]
    assert mailer["replicas"] == 2
    assert mailer["provenance"]["file"] == "charts/shop-extras/templates/mailer.yaml"
    assert mailer["provenance"]["ref"] == (
        "charts/shop-extras/templates/mailer.yaml (Deployment/shop/gonogo-mailer, helm template)"
    )


def test_schema_leaves_no_place_for_secret_values(realworld_root):
    from gonogo.evaluator.snapshot import validate_snapshot

    from gonogo.api import collect
    from gonogo.errors import GonogoError

    snapshot, _ = collect(realworld_root)
    prov = {"collector": "kubernetes", "file": "s.yaml", "ref": "s.yaml:1"}
    bad_secret = json.loads(json.dumps(snapshot))
    bad_secret["kubernetes"]["secrets"]["shop/x"] = {
        "name": "x",
        "type": "Opaque",
        "data": {"k": "v"},
        "provenance": prov,
    }
    bad_literal = json.loads(json.dumps(snapshot))
    container = bad_literal["kubernetes"]["workloads"]["Deployment/shop/web"]["containers"][0]
    container["env"]["literals"].append({"name": "TOKEN", "looks_like_credential": True, "value": "v"})
    for broken in (bad_secret, bad_literal):
        with pytest.raises(GonogoError, match="Additional properties are not allowed"):
            validate_snapshot(broken, "tampered snapshot")


def _with_repo_tools(monkeypatch: pytest.MonkeyPatch) -> str | None:
    """helm from PATH or the repository's .bin (where scripts may build it)."""
    tools = Path(__file__).resolve().parents[3] / ".bin"
    monkeypatch.setenv("PATH", f"{tools}:{os.environ.get('PATH', '')}")
    return shutil.which("helm")


def test_committed_helm_output_is_read_as_plain_manifests():
    section, warnings = _collect(FIXTURES / "helm-chart")
    hpa = section["autoscaling"]["hpas"]["default/shop-web"]
    assert (hpa["min_replicas"], hpa["max_replicas"], hpa["target_found"]) == (2, 12, True)
    assert hpa["provenance"]["file"] == "rendered.yaml" and hpa["provenance"]["line"] > 1
    assert section["network_policies"]["namespaces"]["default"]["default_deny_ingress"] is True
    assert any(w.startswith("web: Helm chart templates skipped") for w in warnings)


def test_helm_rendering_gives_the_same_facts_as_the_committed_output(monkeypatch):
    if not _with_repo_tools(monkeypatch):
        pytest.skip("helm is not on PATH or in .bin (go install helm.sh/helm/v3/cmd/helm@v3.16.4)")
    section, warnings = _collect(FIXTURES / "helm-chart", helm=True)
    assert warnings == []
    rendered, committed = (
        section["autoscaling"]["hpas"]["default/gonogo-web"],
        section["autoscaling"]["hpas"]["default/shop-web"],
    )
    for key in (
        "min_replicas",
        "max_replicas",
        "cpu_target_percent",
        "memory_target_percent",
        "target_found",
    ):
        assert rendered[key] == committed[key], key
    assert rendered["provenance"]["file"] == "web/templates/hpa.yaml"
