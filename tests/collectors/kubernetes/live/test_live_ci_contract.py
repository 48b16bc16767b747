"""Without a runnable API server the live tests skip on a workstation but fail in CI.

Runs a live test in a child pytest with GONOGO_KUBE_BIN pointing at a folder without binaries,
once with CI=true and once without.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]


def run_live_test(ci: bool, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["GONOGO_KUBE_BIN"] = str(tmp_path / "no-binaries-here")
    if ci:
        env["CI"] = "true"
    command = [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider"]
    command += [str(HERE / "test_live_cluster.py"), "-k", "server_version_is_the_pinned_release"]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)


def test_a_missing_server_fails_the_live_tests_in_ci(tmp_path):
    done = run_live_test(ci=True, tmp_path=tmp_path)
    assert done.returncode == 1, done.stdout[-2000:]
    assert "live kube-apiserver unavailable" in done.stdout
    assert "no-binaries-here/etcd" in done.stdout


def test_a_missing_server_skips_the_live_tests_elsewhere(tmp_path):
    done = run_live_test(ci=False, tmp_path=tmp_path)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "1 skipped" in done.stdout
    assert "live kube-apiserver unavailable" in done.stdout
