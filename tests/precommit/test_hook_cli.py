"""`gonogo hook FILES` itself, in a fresh git repository (no pre-commit): it judges the staged
version of the change in the context of the whole repository, prints only the findings about
the changed files, goes through the same past-clock check as `gonogo check`, and takes --skip."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.cli import EXAMPLE_DAY, run_gonogo

GOOD_SERVICE = Path(__file__).parent / "fixtures" / "good-service"
MANIFESTS = ("hook", "--collector", "context", "--collector", "kubernetes")
MEMORY = 'limits: {cpu: "1", memory: 512Mi}'


def _git(repo: Path, *args: str) -> None:
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@e",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@e",
    }
    subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, env={**env, "PATH": "/usr/bin:/bin"}
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "service"
    shutil.copytree(GOOD_SERVICE, root)
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "good")
    return root


def _hook(repo: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {"SOURCE_DATE_EPOCH": "", "GONOGO_ALLOW_PAST_CLOCK": ""}
    return run_gonogo(*MANIFESTS, *args, cwd=repo, env={**clean, **(env or {})})


def test_a_partial_change_to_a_good_service_is_not_blocked(opa_bin: str, repo: Path) -> None:
    deployment = repo / "deploy" / "deployment.yaml"
    deployment.write_text(deployment.read_text().replace("shop-api:2.0.0", "shop-api:2.0.1"))
    hpa = repo / "deploy" / "hpa.yaml"
    hpa.write_text(hpa.read_text().replace("averageUtilization: 70", "averageUtilization: 65"))
    _git(repo, "add", "deploy")
    result = _hook(repo, "deploy/deployment.yaml", "deploy/hpa.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "" and result.stderr == ""  # a clean commit prints nothing


def test_the_staged_version_is_judged_one_line_per_finding(opa_bin: str, repo: Path) -> None:
    deployment = repo / "deploy" / "deployment.yaml"
    good = deployment.read_text()
    deployment.write_text(good.replace(MEMORY, 'limits: {cpu: "1"}'))
    _git(repo, "add", "deploy/deployment.yaml")
    deployment.write_text(good)  # fixed in the work tree, but not staged: the commit would be bad
    result = _hook(repo, "deploy/deployment.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    *findings, summary = result.stdout.splitlines()
    assert findings and all(line.startswith("deploy/deployment.yaml:") for line in findings)
    assert any(
        " 7.1.2 medium: " in line and "no memory limit" in line and "(fix: " in line for line in findings
    )
    assert summary == f"gonogo hook: {len(findings)} finding(s) in 1 changed file(s); commit blocked"
    verbose = _hook(repo, "deploy/deployment.yaml", "--verbose")
    assert verbose.returncode == 1
    assert "changed file(s) judged with the whole staged repository" in verbose.stdout
    skipped = [line.split(": ")[1].split(" ")[0] for line in findings]
    skip_args = [arg for item in sorted(set(skipped)) for arg in ("--skip", item)]
    quiet = _hook(repo, "deploy/deployment.yaml", *skip_args)
    assert quiet.returncode == 0 and quiet.stdout == "", quiet.stdout + quiet.stderr


def test_a_past_clock_is_refused_as_in_check(repo: Path) -> None:
    result = _hook(
        repo, "deploy/deployment.yaml", env={"SOURCE_DATE_EPOCH": EXAMPLE_DAY["SOURCE_DATE_EPOCH"]}
    )
    assert result.returncode == 2
    assert "SOURCE_DATE_EPOCH is" in result.stderr and "never for a gate" in result.stderr
    future = int(datetime(2030, 1, 1, tzinfo=UTC).timestamp())
    assert (
        _hook(repo, "--skip", "x", env={"SOURCE_DATE_EPOCH": str(future)}).returncode == 2
    )  # not an item ID


def test_a_replay_allowed_by_the_test_switch_never_passes(opa_bin: str, repo: Path) -> None:
    result = _hook(repo, "deploy/hpa.yaml", env=EXAMPLE_DAY)
    assert result.returncode == 1
    assert result.stdout.strip().endswith("a replay never passes a gate")


def test_the_hook_keeps_a_warm_engine_that_answers_as_eval_does(
    opa_bin: str, repo: Path, private_warm_servers: Path
) -> None:
    from gonogo.evaluator.warm_control import servers

    deployment = repo / "deploy" / "deployment.yaml"
    deployment.write_text(deployment.read_text().replace(MEMORY, 'limits: {cpu: "1"}'))
    _git(repo, "add", "deploy/deployment.yaml")
    by_eval = _hook(repo, "deploy/deployment.yaml", "--engine", "eval")
    first, second = (_hook(repo, "deploy/deployment.yaml") for _ in range(2))  # the default: warm
    assert by_eval.returncode == first.returncode == second.returncode == 1
    assert by_eval.stdout == first.stdout == second.stdout
    running = [state for state in servers(private_warm_servers) if state.running]
    assert running, "the hook's default engine left no warm server for the next commit"
