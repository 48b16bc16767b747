"""`gonogo bundle --policies DIR`: a team's items in the fleet's bundle, as reproducible as the seed's."""

from __future__ import annotations

import io
import shutil
import tarfile
from pathlib import Path

from tests.support.cli import REPO, run_gonogo

TEAM = REPO / "examples" / "data-pipeline" / "checklist"


def _bundle(team: Path, output: Path) -> str:
    result = run_gonogo("bundle", "-o", str(output), "--policies", str(team), timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout.split("(revision ")[1].rstrip(")\n")


def test_team_bundles_from_two_folders_are_byte_identical(tmp_path: Path, opa_bin: str) -> None:
    first = shutil.copytree(TEAM, tmp_path / "home" / "a" / "checklist")
    second = shutil.copytree(TEAM, tmp_path / "ci" / "work" / "checklist")
    revision = _bundle(first, tmp_path / "a.tar.gz")
    assert _bundle(second, tmp_path / "b.tar.gz") == revision
    assert (tmp_path / "a.tar.gz").read_bytes() == (tmp_path / "b.tar.gz").read_bytes()
    seed = run_gonogo("bundle", "-o", str(tmp_path / "seed.tar.gz"), timeout=300)
    assert seed.returncode == 0 and revision not in seed.stdout  # the team's items are in the digest
    with tarfile.open(fileobj=io.BytesIO((tmp_path / "a.tar.gz").read_bytes()), mode="r:gz") as tar:
        names = tar.getnames()
    assert "/teams/checklist/batch/batch_jobs_hardened.rego" in names
    assert not any(name.endswith("_test.rego") or str(tmp_path) in name for name in names)
