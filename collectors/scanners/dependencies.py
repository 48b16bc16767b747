"""Dependency manifests and lock files → packages with the file and line that declare them.

Read: requirements*.txt, pyproject.toml (PEP 621 and Poetry tables), poetry.lock, uv.lock,
package.json and package-lock.json (v1 `dependencies` and v2/v3 `packages`). Parsed with
`packaging` and `tomllib`; requirement options (`-r`, `-e`, `--hash`) are skipped.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from gonogo.collectors.sources.files import SourceFile
from packaging.requirements import InvalidRequirement, Requirement

_REQUIREMENTS_NAME = re.compile(r"^requirements[\w.\-]*\.(txt|in)$")
_LOCK_NAME_LINE = re.compile(r'^name\s*=\s*"([^"]+)"', re.MULTILINE)
_NPM_LOCK_PATH_LINE = re.compile(r'^\s*"(?:[^"]*/)?node_modules/((?:@[^/"]+/)?[^/"]+)"\s*:', re.MULTILINE)


@dataclass(frozen=True)
class DeclaredPackage:
    name: str
    version: str
    ecosystem: str
    line: int | None


@dataclass
class Manifest:
    format: str
    ecosystem: str
    packages: list[DeclaredPackage]


def normalise_pypi(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _pinned(requirement: Requirement) -> str:
    return ",".join(str(s) for s in requirement.specifier)


def _requirements(text: str) -> Iterator[DeclaredPackage]:
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith(("#", "-", "git+", "http:", "https:")):
            continue
        try:
            requirement = Requirement(line.split(" --hash", 1)[0].rstrip("\\ "))
        except InvalidRequirement:
            continue
        yield DeclaredPackage(normalise_pypi(requirement.name), _pinned(requirement), "pypi", number)


def _line_finder(text: str, pattern: re.Pattern[str]) -> dict[str, int]:
    lines: dict[str, int] = {}
    for match in pattern.finditer(text):
        lines.setdefault(match.group(1).lower(), _line_of(text, match.start()))
    return lines


def _toml_lock(text: str, data: dict[str, Any]) -> Iterator[DeclaredPackage]:
    lines = _line_finder(text, _LOCK_NAME_LINE)
    for package in data.get("package") or []:
        if isinstance(package, dict) and isinstance(package.get("name"), str):
            name = package["name"]
            yield DeclaredPackage(
                normalise_pypi(name), str(package.get("version") or ""), "pypi", lines.get(name.lower())
            )


def _first_line_containing(text: str, needle: str) -> int | None:
    offset = text.lower().find(needle.lower())
    return _line_of(text, offset) if offset >= 0 else None


def _pyproject(text: str, data: dict[str, Any]) -> Iterator[DeclaredPackage]:
    project = data.get("project") if isinstance(data.get("project"), dict) else {}
    specs: list[str] = [s for s in project.get("dependencies") or [] if isinstance(s, str)]
    for extra in (project.get("optional-dependencies") or {}).values():
        specs.extend(s for s in extra if isinstance(s, str))
    for spec in specs:
        try:
            requirement = Requirement(spec)
        except InvalidRequirement:
            continue
        yield DeclaredPackage(
            normalise_pypi(requirement.name), _pinned(requirement), "pypi", _first_line_containing(text, spec)
        )
    poetry = ((data.get("tool") or {}).get("poetry") or {}) if isinstance(data.get("tool"), dict) else {}
    tables = [poetry.get("dependencies") or {}]
    tables += [
        group.get("dependencies") or {}
        for group in (poetry.get("group") or {}).values()
        if isinstance(group, dict)
    ]
    for table in tables:
        for name, constraint in table.items() if isinstance(table, dict) else []:
            if name.lower() == "python":
                continue
            version = (
                constraint if isinstance(constraint, str) else str((constraint or {}).get("version", ""))
            )
            yield DeclaredPackage(
                normalise_pypi(name), version, "pypi", _first_line_containing(text, f"{name} =")
            )


def _package_json(text: str, data: dict[str, Any]) -> Iterator[DeclaredPackage]:
    for table in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
        for name, version in (data.get(table) or {}).items():
            yield DeclaredPackage(
                name.lower(), str(version), "npm", _first_line_containing(text, f'"{name}"')
            )


def _package_lock(text: str, data: dict[str, Any]) -> Iterator[DeclaredPackage]:
    lines = _line_finder(text, _NPM_LOCK_PATH_LINE)
    packages = data.get("packages")
    if isinstance(packages, dict):
        for path, entry in packages.items():
            if "node_modules/" in path and isinstance(entry, dict):
                name = path.rsplit("node_modules/", 1)[1]
                yield DeclaredPackage(
                    name.lower(), str(entry.get("version") or ""), "npm", lines.get(name.lower())
                )
        return
    for name, entry in (data.get("dependencies") or {}).items():
        version = str(entry.get("version") or "") if isinstance(entry, dict) else ""
        yield DeclaredPackage(name.lower(), version, "npm", _first_line_containing(text, f'"{name}"'))


def read_manifest(source: SourceFile) -> Manifest | None:
    """The packages a manifest or lock file declares, or None when the file is not one."""
    name = source.path.name.lower()
    if _REQUIREMENTS_NAME.match(name):
        text = source.text or ""
        return Manifest("requirements", "pypi", list(_requirements(text)))
    if name in ("pyproject.toml", "poetry.lock", "uv.lock"):
        text = source.text or ""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            source.problems.append(f"{source.rel}: not TOML ({exc.__class__.__name__}); skipped")
            return None
        if name == "pyproject.toml":
            return Manifest("pyproject", "pypi", list(_pyproject(text, data)))
        return Manifest(name.removesuffix(".lock") + "-lock", "pypi", list(_toml_lock(text, data)))
    if name in ("package.json", "package-lock.json"):
        data = source.json_value
        if not isinstance(data, dict):
            return None
        if name == "package-lock.json" and "lockfileVersion" in data:
            return Manifest("package-lock", "npm", list(_package_lock(source.text or "", data)))
        if name == "package.json":
            return Manifest("package-json", "npm", list(_package_json(source.text or "", data)))
    return None
