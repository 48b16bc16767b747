"""A copy of the seed's policies with one file edited: for tests of what a broken policy does."""

from __future__ import annotations

import shutil
from pathlib import Path

from gonogo.paths import policies_dir


def edited_seed(tmp_path: Path, relative: Path, old: str, new: str) -> Path:
    """`tmp_path/policies`, the seed's policies with `old` replaced by `new` in `relative` (which
    must hold `old`, so a test cannot pass on an edit that changed nothing)."""
    copy = tmp_path / "policies"
    shutil.copytree(policies_dir(), copy)
    edited = copy / relative
    source = edited.read_text()
    assert old in source, f"{relative} no longer holds {old!r}"
    edited.write_text(source.replace(old, new))
    return copy
