"""The policy files gonogo evaluates and the digest that identifies them."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path


def rego_files(root: Path) -> list[Path]:
    """Every non-test `.rego` file under root, in a stable order."""
    return sorted(p for p in root.rglob("*.rego") if not p.name.endswith("_test.rego"))


def package_rows(root: Path) -> dict[str, tuple[str, int]]:
    """Each package path declared in root's policy files: the file (`<root's name>/...`) and the
    line of its `package` declaration, the location `opa inspect` gives a package's METADATA.

    Only where an item is shown comes from here; what it is (its ID, severity, criteria) is OPA's
    reading of its METADATA. The policies are `opa fmt` formatted, so a declaration starts its
    line; a test holds this to `opa inspect` for every item of the seed."""
    rows: dict[str, tuple[str, int]] = {}
    for path in rego_files(root):
        shown = (Path(root.name) / path.relative_to(root)).as_posix()
        with path.open(encoding="utf-8", errors="replace") as lines:
            for number, line in enumerate(lines, 1):
                declared = line.split("#", 1)[0].split() if line.startswith("package ") else []
                if len(declared) == 2:  # `package <path>`; OPA refuses anything else before we ask
                    rows.setdefault(declared[1], (shown, number))
                    break
    return rows


def policy_digest(root: Path) -> str:
    """sha256 over each policy file's relative path and content: changes when any rule changes."""
    digest = hashlib.sha256()
    for path in rego_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return "sha256:" + digest.hexdigest()


def copy_policy_files(paths: list[Path], root: Path, target: Path) -> None:
    """Each of `paths` (files under root) copied under target at the same relative path, in
    private (0700) folders."""
    for path in paths:
        copied = target / path.relative_to(root)
        copied.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copyfile(path, copied)
