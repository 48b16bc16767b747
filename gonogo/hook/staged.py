"""The repository as it will be committed: the git index, exported to a scratch folder."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from gonogo.errors import GonogoError


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise GonogoError(f"gonogo hook needs git on PATH ({exc.strerror})") from exc
    if proc.returncode != 0:
        raise GonogoError(f"`git {args[0]}` failed in {cwd} (exit {proc.returncode}): not a git repository?")
    return proc.stdout


def repository_root(cwd: Path) -> Path:
    return Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())


def export_index(root: Path, target: Path) -> None:
    """Every staged file (the index, or $GIT_INDEX_FILE during `git commit <paths>`) under target."""
    target.mkdir(parents=True, exist_ok=True)
    _git(["checkout-index", "--all", f"--prefix={target.as_posix()}/"], root)


def repo_relative(files: list[str], root: Path, cwd: Path) -> list[str]:
    """The given file names (relative to cwd, as pre-commit passes them) relative to the repository root."""
    top = os.path.realpath(root)
    relative: list[str] = []
    for name in files:
        absolute = os.path.join(os.path.realpath(cwd), name)
        rel = os.path.relpath(os.path.normpath(absolute), top)
        if rel.startswith(".."):
            raise GonogoError(f"{name} is outside the repository {root}")
        relative.append(Path(rel).as_posix())
    return relative
