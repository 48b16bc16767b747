"""The hooks, installed by the real pre-commit from a local clone of this repository's HEAD.

A good service (Deployment, HPA and NetworkPolicy in separate files): an image bump and an
HPA-only edit commit (no false block from facts in other files); removing the memory limit is
blocked with one line naming the file. The hook brings its engine: OPA is not on PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.cli import REPO

GOOD_SERVICE = Path(__file__).parent / "fixtures" / "good-service"


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_real_precommit_blocks_only_what_the_change_broke(tmp_path: Path) -> None:
    if shutil.which("go") is None:
        pytest.fail("Go is required: installing the hook builds its pinned OPA")
    clone = tmp_path / "gonogo"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=clone, capture_output=True, text=True).stdout
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if Path(p) != REPO / ".bin")
    env = {k: v for k, v in os.environ.items() if k != "GONOGO_OPA"}
    env.update(PATH=path, PRE_COMMIT_HOME=str(tmp_path / "cache"))
    for role in ("AUTHOR", "COMMITTER"):
        env.update({f"GIT_{role}_NAME": "t", f"GIT_{role}_EMAIL": "t@example.com"})
    repo = tmp_path / "service"
    shutil.copytree(GOOD_SERVICE, repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {clone}\n    rev: {rev.strip()}\n    hooks:\n      - id: gonogo-manifests\n"
    )
    precommit = [sys.executable, "-m", "pre_commit"]
    assert _run(["git", "init", "-q"], repo, env).returncode == 0
    assert _run([*precommit, "install"], repo, env).returncode == 0
    started = time.monotonic()
    installed = _run([*precommit, "install-hooks"], repo, env)
    print(f"hook install: {time.monotonic() - started:.1f} s")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert _run(["git", "add", "."], repo, env).returncode == 0
    first = _run(["git", "commit", "-qm", "a good service"], repo, env)
    assert first.returncode == 0, first.stdout + first.stderr

    deployment = repo / "deploy" / "deployment.yaml"
    deployment.write_text(deployment.read_text().replace("shop-api:2.0.0", "shop-api:2.0.1"))
    _run(["git", "add", "deploy/deployment.yaml"], repo, env)
    started = time.monotonic()
    bump = _run(["git", "commit", "-qm", "image bump"], repo, env)
    print(f"one-file hook run (commit): {time.monotonic() - started:.1f} s")
    assert bump.returncode == 0, bump.stdout + bump.stderr

    hpa = repo / "deploy" / "hpa.yaml"
    hpa.write_text(hpa.read_text().replace("averageUtilization: 70", "averageUtilization: 65"))
    _run(["git", "add", "deploy/hpa.yaml"], repo, env)
    hpa_only = _run(["git", "commit", "-qm", "hpa target"], repo, env)
    assert hpa_only.returncode == 0, hpa_only.stdout + hpa_only.stderr

    deployment.write_text(
        deployment.read_text().replace('limits: {cpu: "1", memory: 512Mi}', 'limits: {cpu: "1"}')
    )
    _run(["git", "add", "deploy/deployment.yaml"], repo, env)
    bad = _run(["git", "commit", "-qm", "drop the memory limit"], repo, env)
    assert bad.returncode != 0
    output = bad.stdout + bad.stderr  # git passes the hook's output on stderr
    lines = [line for line in output.splitlines() if line.startswith("deploy/")]
    assert lines, output
    assert all(line.startswith("deploy/deployment.yaml:") for line in lines), output
    assert any("no memory limit" in line and "(fix: " in line for line in lines), output
    assert "finding(s) in 1 changed file(s); commit blocked" in output
    log = _run(["git", "log", "--oneline"], repo, env).stdout.splitlines()
    assert len(log) == 3
