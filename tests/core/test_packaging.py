"""Every Python package of the source tree is in the wheel: pyproject's explicit package list
names each folder with an __init__.py (gonogo.scaffold was missing, so `gonogo new` failed in
an installed gonogo while it worked in the checkout)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def unlisted(setuptools: dict[str, Any]) -> list[str]:
    """Packages found under the mapped folders (package-dir) that `packages` does not name."""
    mapped: dict[str, str] = setuptools["package-dir"]
    listed = set(setuptools["packages"])
    found = set()
    for name, folder in mapped.items():
        for init in (REPO / folder).rglob("__init__.py"):
            package = ".".join([name, *init.parent.relative_to(REPO / folder).parts])
            # a sub-package mapped on its own is found from its own folder
            owner = max((m for m in mapped if package == m or package.startswith(m + ".")), key=len)
            if owner == name and "__pycache__" not in init.parts:
                found.add(package)
    return sorted(found - listed)


def _setuptools() -> dict[str, Any]:
    return tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]


def test_every_package_folder_is_listed() -> None:
    assert unlisted(_setuptools()) == []


def test_a_missing_package_is_found() -> None:
    setuptools = _setuptools()
    setuptools["packages"] = [p for p in setuptools["packages"] if p != "gonogo.site"]
    assert unlisted(setuptools) == ["gonogo.site"]
