"""A Deployment with no requests in a file gonogo used to skip silently (UTF-16, NUL byte, alias
bomb, too deep, a symlink out of the folder): read, or named and keeping 7.1.2 from passing."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from gonogo.api import check

# The ready service: every item passes from evidence, so a hidden file that keeps one from passing shows.
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ready-service"
pytestmark = [pytest.mark.opa, pytest.mark.slow]

BAD_DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata: {name: hidden, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: hidden}}
  template:
    metadata: {labels: {app: hidden}}
    spec:
      containers:
        - name: hidden
          image: ghcr.io/example/hidden:1.0.0
"""


def _service(tmp_path: Path) -> Path:
    folder = tmp_path / "service"
    shutil.copytree(EXAMPLE, folder)
    return folder


def _items(folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    report = check(folder)
    return {i["id"]: i for i in report["items"]}, report["collectors"]


def test_a_utf16_deployment_is_read_and_fails(tmp_path: Path):
    folder = _service(tmp_path)
    (folder / "deploy" / "k8s" / "hidden.yaml").write_bytes(b"\xff\xfe" + BAD_DEPLOYMENT.encode("utf-16-le"))
    items, _ = _items(folder)
    assert items["7.1.2"]["verdict"] == "fail"


@pytest.mark.parametrize(
    "content",
    [
        pytest.param((BAD_DEPLOYMENT + "\0").encode(), id="nul-byte"),
        pytest.param(
            (BAD_DEPLOYMENT.replace("replicas: 2", "replicas: 1.0e+400")).encode(),
            id="float-overflow",
        ),
        pytest.param((BAD_DEPLOYMENT + "extra: " + "[" * 400 + "]" * 400 + "\n").encode(), id="too-deep"),
    ],
)
def test_an_unreadable_manifest_is_named_and_keeps_7_1_2_from_passing(tmp_path: Path, content: bytes):
    folder = _service(tmp_path)
    (folder / "deploy" / "k8s" / "hidden.yaml").write_bytes(content)
    items, collectors = _items(folder)
    assert items["7.1.2"]["verdict"] == "pending"
    assert "deploy/k8s/hidden.yaml" in items["7.1.2"]["criteria"][0]["message"]
    # every collector that asked for the file records it, the kubernetes collector among them
    skipped = {name: run["skipped"] for name, run in collectors.items() if run.get("skipped")}
    assert {s["file"] for entries in skipped.values() for s in entries} == {"deploy/k8s/hidden.yaml"}
    assert "kubernetes.workloads" in skipped["kubernetes"][0]["feeds"]
    warnings = [w for run in collectors.values() for w in run.get("warnings", [])]
    assert any(w.startswith("deploy/k8s/hidden.yaml: not read: ") for w in warnings)


def test_a_symlink_out_of_the_folder_is_not_followed(tmp_path: Path):
    folder = _service(tmp_path)
    outside = tmp_path / "outside.yaml"
    outside.write_text(BAD_DEPLOYMENT)
    (folder / "deploy" / "k8s" / "linked.yaml").symlink_to(outside)
    items, collectors = _items(folder)
    warnings = [w for run in collectors.values() for w in run.get("warnings", [])]
    assert (
        "deploy/k8s/linked.yaml: not read: a symlink to outside the scanned folder, not followed" in warnings
    )
    assert items["7.1.2"]["verdict"] == "pending"


HELM_DEPLOYMENT = BAD_DEPLOYMENT.replace(
    "name: hidden, namespace: shop", "name: '{{ .Release.Name }}', namespace: shop"
)


@pytest.mark.parametrize("name", ["hidden.yaml", "hidden.yaml.tpl"])
def test_a_templated_manifest_keeps_7_1_2_pending_and_never_fails_it(tmp_path: Path, name: str):
    # The template's values are unknown until rendered: its Deployment without requests neither
    # fails 7.1.2 (a false block) nor is ignored (a silent pass); it keeps 7.1.2 pending.
    folder = _service(tmp_path)
    (folder / "deploy" / "k8s" / name).write_text(HELM_DEPLOYMENT)
    report = check(folder)
    items = {i["id"]: i for i in report["items"]}
    assert items["7.1.2"]["verdict"] == "pending"
    assert f"deploy/k8s/{name}" in items["7.1.2"]["criteria"][0]["message"]
    (entry,) = [e for e in report["skipped"] if e["path"] == f"deploy/k8s/{name}"]
    assert entry["line"] == 3 and entry["reason"].startswith("a Go/Helm template")


def test_the_report_lists_the_unread_files(tmp_path: Path):
    folder = _service(tmp_path)
    (folder / "deploy" / "k8s" / "hidden.yaml").write_bytes((BAD_DEPLOYMENT + "\0").encode())
    report = check(folder)
    nul_line = BAD_DEPLOYMENT.count("\n") + 1
    assert {
        "path": "deploy/k8s/hidden.yaml",
        "reason": f"binary: a NUL byte on line {nul_line}",
        "line": nul_line,
    } in (report["skipped"])
