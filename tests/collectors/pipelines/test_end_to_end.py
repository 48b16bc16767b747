"""`gonogo collect` with the pipelines collector, then the real OPA, on the fixture folders: each
item the collector serves reaches pass and fail from real workflow files, and pending without one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gonogo.api import collect, evaluate

pytestmark = [pytest.mark.opa, pytest.mark.slow]

FIXTURES = Path(__file__).parent / "fixtures"
SMOKE = ("10.3.1", "Run immediately post-deployment")
ROLLBACK = ("10.3.4", "One-command rollback prepared")
VALIDATION = ("4.1.2", "Validation script executed")


def _verdicts(root: Path) -> dict[tuple[str, str], dict[str, Any]]:
    snapshot, config = collect(root, None, only=["pipelines"])
    report = evaluate(snapshot, config)
    return {
        (item["id"], criterion["text"]): criterion
        for item in report["items"]
        for criterion in item["criteria"]
        if (item["id"], criterion["text"]) in (SMOKE, ROLLBACK, VALIDATION)
    }


@pytest.fixture(scope="module")
def results() -> dict[str, dict[tuple[str, str], dict[str, Any]]]:
    names = ("github-good", "github-bad", "gitlab-good", "gitlab-bad", "broken", "tekton", "argo")
    return {name: _verdicts(FIXTURES / name) for name in names}


@pytest.mark.parametrize("folder", ["github-good", "gitlab-good"])
def test_a_good_pipeline_passes(results, folder) -> None:
    got = results[folder]
    assert {key: c["verdict"] for key, c in got.items()} == {
        SMOKE: "pass",
        ROLLBACK: "pass",
        VALIDATION: "pass",
    }, got


@pytest.mark.parametrize("folder", ["github-bad", "gitlab-bad"])
def test_a_bad_pipeline_fails(results, folder) -> None:
    got = results[folder]
    assert {key: c["verdict"] for key, c in got.items()} == {
        SMOKE: "fail",
        ROLLBACK: "fail",
        VALIDATION: "fail",
    }, got


def test_messages_name_the_steps(results) -> None:
    good = results["gitlab-good"]
    assert good[ROLLBACK]["message"] == (
        "rollback-production ci/deploy.gitlab-ci.yml:32 (helm): started by hand"
    )
    assert good[SMOKE]["evidence"] == ["ci/deploy.gitlab-ci.yml:23"]
    bad = results["github-bad"]
    assert bad[SMOKE]["message"] == (
        "the pipelines deploy (.github/workflows/ci.yml:24) but no smoke test runs after a deploy; "
        "smoke tests at .github/workflows/ci.yml:9 do not run after a deploy"
    )


def test_a_tekton_pipeline(results) -> None:
    got = results["tekton"]
    assert {key: c["verdict"] for key, c in got.items()} == {
        SMOKE: "pass",
        ROLLBACK: "pass",
        VALIDATION: "fail",  # no environment check before the helm upgrade
    }, got
    assert got[SMOKE]["evidence"] == ["tekton/pipeline.yaml:37"]


def test_argo_workflows(results) -> None:
    got = results["argo"]
    assert {key: c["verdict"] for key, c in got.items()} == {
        SMOKE: "pass",
        ROLLBACK: "fail",  # the release deploys; nothing rolls it back
        VALIDATION: "pass",
    }, got


def test_a_broken_file_costs_that_file(results) -> None:
    got = results["broken"]
    assert got[ROLLBACK]["verdict"] == "pass"  # from the readable rollback.yml beside it
    assert got[SMOKE]["verdict"] == "pending"
    assert "not judged: .github/workflows/broken.yml" in got[VALIDATION]["message"]


def test_pending_without_a_pipeline(tmp_path) -> None:
    (tmp_path / "README.md").write_text("# no pipeline here\n")
    got = _verdicts(tmp_path)
    assert {key: c["verdict"] for key, c in got.items()} == {
        SMOKE: "pending",
        ROLLBACK: "pending",
        VALIDATION: "pending",
    }
