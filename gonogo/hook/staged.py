"""Asking git about the repository the hook runs in (synced_tree.py exports the index)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from gonogo.errors import GonogoError


def git_output(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, errors="surrogateescape", check=False
        )
    except OSError as exc:
        raise GonogoError(f"gonogo hook needs git on PATH ({exc.strerror})") from exc
    if proc.returncode != 0:
        raise GonogoError(f"`git {args[0]}` failed in {cwd} (exit {proc.returncode}): not a git repository?")
    return proc.stdout


def repository_root(cwd: Path) -> Path:
    return Path(git_output(["rev-parse", "--show-toplevel"], cwd).strip())


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
