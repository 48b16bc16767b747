"""Shared fixtures of the team-checklist tests: one run of gonogo check on examples/data-pipeline
writing every output format, read by the tests of both modules."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.cli import REPO, run_gonogo

PIPELINE = REPO / "examples" / "data-pipeline"
TEAM = PIPELINE / "checklist"
FORMATS = ("json", "markdown", "terminal", "junit", "sarif", "html", "github", "gitlab")


@pytest.fixture(scope="package")
def outputs(tmp_path_factory: pytest.TempPathFactory, opa_bin: str) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("pipeline")
    files = {fmt: folder / f"report.{fmt}" for fmt in FORMATS}
    args = [arg for fmt, path in files.items() for arg in ("-o", f"{fmt}={path}")]
    snapshot = folder / "snapshot.json"
    result = run_gonogo("check", str(PIPELINE), "--snapshot-out", str(snapshot), *args, timeout=300)
    assert result.returncode == 1, result.stderr  # 11.3.1 fails on purpose: NEEDS WORK
    texts = {fmt: path.read_text() for fmt, path in files.items()}
    texts["snapshot_path"] = str(snapshot)
    texts["report_path"] = str(files["json"])
    return texts


@pytest.fixture(scope="package")
def report(outputs: dict[str, str]) -> dict[str, Any]:
    return json.loads(outputs["json"])
