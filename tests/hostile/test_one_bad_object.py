"""One wrongly shaped Kubernetes object or Terraform plan costs that file only (issue #11).

Beside a good manifest (or plan), the bad one is a warning naming it with its line, it is in
`collectors.<name>.skipped` (so the items it feeds cannot pass), and the good one is still
collected. No collector error: the run goes on.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gonogo.api import collect
from tests.hostile.make_corpus import CORPUS, deployment

PLANS = Path(__file__).resolve().parents[1] / "collectors" / "terraform" / "fixtures" / "compliant"
BAD_MANIFESTS = [
    "yaml/containers-a-map.yaml",
    "yaml/metadata-a-string.yaml",
    "yaml/replicas-list.yaml",
    "yaml/replicas-string.yaml",
]


@pytest.mark.parametrize("case", BAD_MANIFESTS)
def test_a_bad_manifest_costs_that_manifest(tmp_path: Path, case: str):
    (tmp_path / "good.yaml").write_text(deployment().replace("name: web", "name: good"))
    (tmp_path / "bad.yaml").write_text("---\n" + (CORPUS / case).read_text())
    snapshot, _ = collect(tmp_path, only=["kubernetes"])
    run = snapshot["collectors"]["kubernetes"]
    assert not run.get("errors")
    assert any(
        w.startswith("bad.yaml:2: not read: Deployment has an unexpected shape") for w in run["warnings"]
    )
    assert [(s["file"], s["feeds"]) for s in run["skipped"]] == [("bad.yaml", ["kubernetes"])]
    assert list(snapshot["kubernetes"]["workloads"]) == ["Deployment/shop/good"]


def test_a_bad_plan_costs_that_plan(tmp_path: Path):
    good = next(PLANS.glob("*.json"))
    shutil.copy(good, tmp_path / "good.json")
    shutil.copy(CORPUS / "reports" / "terraform-plan-wrong.json", tmp_path / "bad.json")
    snapshot, _ = collect(tmp_path, only=["terraform"])
    run = snapshot["collectors"]["terraform"]
    assert not run.get("errors")
    assert run["warnings"] == [
        "bad.json:1: Terraform plan of the wrong shape, not read: /resource_changes is a string, not a list"
    ]
    assert [(s["file"], s["feeds"]) for s in run["skipped"]] == [("bad.json", ["infrastructure"])]
    assert list(snapshot["infrastructure"]["plans"]) == ["good.json"]


@pytest.mark.parametrize(
    "text",
    [
        '{"format_version": "1.2", "terraform_version": "1.6.0", "resource_changes": [1]}',
        '{"format_version": "1.2", "terraform_version": "1.6.0", "resource_changes": [{"change": "x"}]}',
        '{"format_version": "1.2", "terraform_version": "1.6.0", "planned_values": {"root_module": []}}',
        '{"format_version": "1.2", "terraform_version": "1.6.0", "planned_values": {"root_module":'
        ' {"child_modules": [{"resources": "x"}]}}}',
        '{"format_version": "1.2", "terraform_version": "1.6.0", "resource_changes": [],'
        ' "configuration": {"root_module": {"module_calls": []}}}',
    ],
)
def test_each_wrongly_shaped_part_of_a_plan_is_named(tmp_path: Path, text: str):
    (tmp_path / "bad.json").write_text(text)
    snapshot, _ = collect(tmp_path, only=["terraform"])
    run = snapshot["collectors"]["terraform"]
    assert not run.get("errors")
    assert run["skipped"][0]["file"] == "bad.json"
    assert run["warnings"][0].startswith("bad.json:1: Terraform plan of the wrong shape, not read: /")
