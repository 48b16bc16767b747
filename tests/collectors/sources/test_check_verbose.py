"""`gonogo check` says how many files it skipped, `-v` lists each with its line and reason, and the
JSON report carries them as skipped[] (issue 15 class 3), with the real OPA."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.make_corpus import deployment
from tests.support.cli import run_gonogo

pytestmark = [pytest.mark.opa, pytest.mark.slow]


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "web.yaml").write_text(deployment())
    (tmp_path / "deploy" / "broken.yaml").write_text("kind: Service\nspec: [\n")
    (tmp_path / "deploy" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return tmp_path


def test_check_counts_and_v_lists_the_skipped_files(tmp_path: Path, opa_bin: str):
    folder = _folder(tmp_path)
    quiet = run_gonogo("check", str(folder))
    assert quiet.returncode == 1, quiet.stderr
    assert "Skipped files: 2 (gonogo check -v lists them and why)" in quiet.stdout
    verbose = run_gonogo("check", str(folder), "-v")
    assert verbose.returncode == 1, verbose.stderr
    assert "Skipped files: 2\n" in verbose.stdout
    assert "  deploy/broken.yaml:3: unparsable: not YAML (line 3 column 1: " in verbose.stdout
    assert "  deploy/logo.png:3: binary: a NUL byte on line 3\n" in verbose.stdout
    report = json.loads(run_gonogo("check", str(folder), "-f", "json").stdout)
    assert [entry["path"] for entry in report["skipped"]] == ["deploy/broken.yaml", "deploy/logo.png"]
