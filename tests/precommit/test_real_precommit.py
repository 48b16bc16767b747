"""The four hooks, installed by the real pre-commit from a local clone of this repository's HEAD
into a fresh git repository, as a new user does; OPA is not on PATH (the hook brings its engine).

A good service (fixtures/good-service: a Deployment, its HPA, VPA, RBAC and NetworkPolicies in
separate files, a `terraform show -json` plan, a Prometheus rule file and the Alertmanager
configuration that routes it, runbooks). For each hook a good
change commits and a bad one is blocked with lines naming only the changed file:
- manifests: an image bump and an HPA-only edit commit (no false block from facts that live in
  other files); removing the memory limit is blocked;
- terraform: a longer backup retention commits; an unencrypted database is blocked;
- monitoring: a shorter `for:` commits; a critical alert without its runbook is blocked;
- documents: a runbook edit commits; a rollback procedure without its rehearsal date is blocked.
Each hook is narrowed to its folder with `files:` in the user's config, as docs/pre-commit.md
suggests (a commit then runs the one hook it concerns).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.cli import REPO

GOOD_SERVICE = Path(__file__).parent / "fixtures" / "good-service"
HOOKS = {
    "gonogo-manifests": "^deploy/",
    "gonogo-terraform": "^infra/",
    "gonogo-monitoring": "^monitoring/",
    "gonogo-documents": "^docs/",
}
ROLLBACK = """---
title: Rollback Procedure
owner: platform-team
tested: {day}
---

# Rollback Procedure

1. Announce the rollback in #shop-incidents.
2. Roll back the deployment: `kubectl -n shop rollout undo deploy/api`.
3. Confirm the previous ReplicaSet serves: `kubectl -n shop rollout status deploy/api`.
"""


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


class Service:
    """The user's repository: edit a file, stage it, commit through the installed hooks."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root, self.env = root, env

    def git(self, *args: str) -> subprocess.CompletedProcess[str]:
        return _run(["git", *args], self.root, self.env)

    def commit(self, path: str, old: str | None, new: str, message: str) -> subprocess.CompletedProcess[str]:
        file = self.root / path
        text = file.read_text()
        if old is None:
            file.write_text(new)
        else:
            assert old in text, (path, old)
            file.write_text(text.replace(old, new))
        assert self.git("add", path).returncode == 0
        started = time.monotonic()
        result = self.git("commit", "-qm", message)
        print(f"{message}: commit {time.monotonic() - started:.1f} s, exit {result.returncode}")
        return result

    def good(self, path: str, old: str | None, new: str, message: str) -> None:
        result = self.commit(path, old, new, message)
        assert result.returncode == 0, result.stdout + result.stderr

    def bad(self, path: str, old: str, new: str, message: str, expected: str) -> None:
        """Blocked: every finding line is about `path`, one names `expected`; then undone."""
        before = (self.root / path).read_text()
        result = self.commit(path, old, new, message)
        output = result.stdout + result.stderr  # git passes the hook's output on
        assert result.returncode != 0, output
        findings = [line for line in output.splitlines() if line.startswith(tuple(f"{d}/" for d in DIRS))]
        assert findings, output
        assert all(line.startswith(f"{path}:") for line in findings), output
        assert any(expected in line and "(fix: " in line for line in findings), output
        assert "finding(s) in 1 changed file(s); commit blocked" in output
        (self.root / path).write_text(before)
        assert self.git("add", path).returncode == 0


DIRS = ("deploy", "infra", "monitoring", "docs")


@pytest.mark.slow
def test_real_precommit_blocks_only_what_the_change_broke(tmp_path: Path) -> None:
    if shutil.which("go") is None:
        pytest.fail("Go is required: installing the hook builds its pinned OPA")
    clone = tmp_path / "gonogo"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=clone, capture_output=True, text=True).stdout
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if Path(p) != REPO / ".bin")
    env = {k: v for k, v in os.environ.items() if k not in ("GONOGO_OPA", "SOURCE_DATE_EPOCH")}
    env.update(PATH=path, PRE_COMMIT_HOME=str(tmp_path / "cache"))
    for role in ("AUTHOR", "COMMITTER"):
        env.update({f"GIT_{role}_NAME": "t", f"GIT_{role}_EMAIL": "t@example.com"})
    repo = tmp_path / "service"
    shutil.copytree(GOOD_SERVICE, repo)
    (repo / "docs" / "rollback.md").write_text(ROLLBACK.format(day=datetime.now(UTC).date().isoformat()))
    hooks = "".join(f"      - id: {hook}\n        files: {files}\n" for hook, files in HOOKS.items())
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {clone}\n    rev: {rev.strip()}\n    hooks:\n{hooks}"
    )
    precommit = [sys.executable, "-m", "pre_commit"]
    service = Service(repo, env)
    assert service.git("init", "-q").returncode == 0
    assert _run([*precommit, "install"], repo, env).returncode == 0
    started = time.monotonic()
    installed = _run([*precommit, "install-hooks"], repo, env)
    print(f"hook install: {time.monotonic() - started:.1f} s")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert service.git("add", ".").returncode == 0
    first = service.git("commit", "-qm", "a good service")
    assert first.returncode == 0, first.stdout + first.stderr

    deployment = "deploy/deployment.yaml"
    service.good(deployment, "shop-api:2.0.0", "shop-api:2.0.1", "image bump")
    service.good("deploy/hpa.yaml", "averageUtilization: 70", "averageUtilization: 65", "hpa target")
    memory = 'limits: {cpu: "1", memory: 512Mi}'
    service.bad(deployment, memory, 'limits: {cpu: "1"}', "drop the memory limit", "no memory limit")

    plan = "infra/plan.json"
    service.good(plan, '"backup_retention_period": 30', '"backup_retention_period": 35', "longer backups")
    service.bad(plan, '"storage_encrypted": true', '"storage_encrypted": false', "unencrypted", "encrypt")

    rules = "monitoring/api.rules.yml"
    service.good(rules, "for: 5m", "for: 3m", "page sooner")
    runbook_line = "          runbook_url: docs/runbooks/api-errors.md\n"
    service.bad(rules, runbook_line, "", "no runbook link", "runbook")

    service.good("docs/runbooks/api-errors.md", "error logs", "error logs and traces", "runbook edit")
    tested = f"tested: {datetime.now(UTC).date().isoformat()}\n"
    service.bad("docs/rollback.md", tested, "", "untested rollback", "rehearsed")

    log = service.git("log", "--oneline").stdout.splitlines()
    assert len(log) == 6, log  # the good service and its five good changes

    # The engine the install built is in the hook's environment; without it, the hook names the
    # one command that fixes it in this repository (never gonogo's own `make setup`).
    (engine,) = (tmp_path / "cache").glob("repo*/py_env-*/lib/python*/site-packages/gonogo/_engine/opa")
    engine.unlink()
    missing = service.commit("docs/runbooks/api-errors.md", "and traces", "and traces.", "no engine")
    assert missing.returncode != 0
    output = missing.stdout + missing.stderr
    assert "`pre-commit clean && pre-commit install-hooks`" in output and "make setup" not in output, output
