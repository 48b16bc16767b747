"""gonogo's wheel builds without a deprecation warning: the licence is a PEP 639 SPDX expression
(`license = "Apache-2.0"`, `license-files`), not the table form setuptools stops building after
2027-02-18, which would break every hook install. Built from a clone of HEAD, as pip and
pre-commit build it (isolated, with the setuptools pyproject.toml asks for)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support.cli import REPO


@pytest.mark.slow
def test_the_wheel_builds_without_deprecation_warnings(tmp_path: Path) -> None:
    clone = tmp_path / "gonogo"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    env = {**os.environ, "GONOGO_WHEEL_ENGINE": "none", "PYTHONWARNINGS": "default"}
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "-v",
        "-w",
        str(tmp_path / "dist"),
        str(clone),
    ]
    built = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900, check=False)
    log = built.stdout + built.stderr
    assert built.returncode == 0, log[-3000:]
    assert "DeprecationWarning" not in log and "deprecated" not in log.lower(), [
        line for line in log.splitlines() if "eprecat" in line
    ]
    (wheel,) = (tmp_path / "dist").glob("gonogo-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        text = archive.read(metadata).decode()
        assert "License-Expression: Apache-2.0" in text.splitlines()
        assert any(n.endswith(".dist-info/licenses/LICENSE") for n in archive.namelist())
