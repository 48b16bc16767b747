"""Rego's `input` is type-checked against the snapshot schema (`opa check --strict -s`), as
`make lint` runs it: the policies pass, and a typo planted in an input path fails."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from gonogo.paths import policies_dir
from gonogo.schema_validation import bundled_snapshot_schema
from tests.support.policies import edited_seed

ITEM = Path("items") / "final" / "pre_launch_checklist" / "load_testing.rego"


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "snapshot.json"
    path.write_text(json.dumps(bundled_snapshot_schema()))
    return path


def _check(opa_bin: str, schema: Path, policies: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [opa_bin, "check", "--strict", "-s", str(schema), str(policies)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_policies_type_check_against_the_snapshot_schema(opa_bin: str, schema_file: Path) -> None:
    checked = _check(opa_bin, schema_file, policies_dir())
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_typo_in_an_input_path_fails_the_check(opa_bin: str, schema_file: Path, tmp_path: Path) -> None:
    copy = edited_seed(tmp_path, ITEM, "input.quality.load_tests.runs", "input.quality.load_tests.rnus")
    checked = _check(opa_bin, schema_file, copy)
    assert checked.returncode != 0
    assert "undefined ref: input.quality.load_tests.rnus" in checked.stdout + checked.stderr
