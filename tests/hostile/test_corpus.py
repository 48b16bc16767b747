"""The bad-input corpus (tests/hostile/corpus/, remade by make_corpus.py, plus big cases made here):
each file alone in a folder, collected in its own process under a time and memory bound.

One bad file costs that file, never a collector: the run ends normally, no collector reports an
error, the snapshot is valid JSON (no NaN), and the canary secret reaches neither it nor stderr.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.make_corpus import CANARY, CORPUS, alias_bomb, deployment

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SECONDS = 20
MEMORY = 1536 * 1024 * 1024
CASES = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file())


def _generated(folder: Path, name: str) -> None:
    """The cases too big to commit, written at test time."""
    if name == "over-50-mib.yaml":
        with (folder / name).open("w") as out:
            out.write(deployment())
            out.write("# padding\n" * (51 * 1024 * 1024 // 10))
    elif name == "deep-10000.json":
        (folder / name).write_text("[" * 10_000 + "]" * 10_000)
    elif name == "deep-10000.yaml":
        (folder / name).write_text("a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    elif name == "alias-bomb-12.yaml":
        (folder / name).write_text(alias_bomb(12))
    elif name == "symlink-loop.yaml":
        (folder / name).symlink_to(folder / name)
    elif name == "symlink-out.yaml":
        (folder.parent / "outside.yaml").write_text(deployment())
        (folder / name).symlink_to(folder.parent / "outside.yaml")
    elif name == "symlink-dir-loop":
        (folder / "sub").mkdir()
        (folder / "sub" / name).symlink_to(folder, target_is_directory=True)


GENERATED = [
    "over-50-mib.yaml",
    "deep-10000.json",
    "deep-10000.yaml",
    "alias-bomb-12.yaml",
    "symlink-loop.yaml",
    "symlink-out.yaml",
    "symlink-dir-loop",
]


def _run(folder: Path) -> tuple[dict, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, str(HERE / "run_case.py"), str(folder), str(MEMORY)],
        capture_output=True,
        text=True,
        timeout=SECONDS,
        env=env,
        cwd=folder,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout), done.stderr


def _check(snapshot: dict, stderr: str) -> None:
    errors = {name: run["errors"] for name, run in snapshot["collectors"].items() if run.get("errors")}
    assert errors == {}
    text = json.dumps(snapshot)
    assert CANARY not in text and CANARY not in stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize("case", CASES)
def test_a_corpus_file_costs_that_file_only(tmp_path: Path, case: str):
    folder = tmp_path / "service"
    target = folder / case
    target.parent.mkdir(parents=True)
    target.write_bytes((CORPUS / case).read_bytes())
    _check(*_run(folder))


@pytest.mark.parametrize("case", GENERATED)
def test_a_generated_hostile_file_costs_that_file_only(tmp_path: Path, case: str):
    folder = tmp_path / "service"
    folder.mkdir()
    _generated(folder, case)
    snapshot, stderr = _run(folder)
    _check(snapshot, stderr)
    if case in ("over-50-mib.yaml", "symlink-out.yaml", "alias-bomb-12.yaml", "deep-10000.json"):
        warnings = [w for run in snapshot["collectors"].values() for w in run.get("warnings", [])]
        assert any(w.startswith(f"{case}: not read: ") for w in warnings), warnings


def test_the_corpus_has_at_least_80_files():
    assert len(CASES) >= 80
