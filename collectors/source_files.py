"""Walking a repository once and parsing each file at most once, whichever collectors ask.

Files are found by content, not by name: collectors ask for YAML documents, JSON values or
text and look at what is inside. What this module never does: read a file it was told to
skip, read `.env` files (they hold real values; only `.env.example`-style files are read,
and only their variable names are kept), or print file content in an error message.
"""

from __future__ import annotations

import fnmatch
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from gonogo.yaml_errors import describe_yaml_error

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        ".venv",
        "venv",
        "__pycache__",
        ".terraform",
        ".tox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        "vendor",
        ".bin",
    }
)
MAX_FILE_BYTES = 50 * 1024 * 1024
# libyaml's loader (same safe semantics, same marks) parses about 8x faster than the Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SECRET_FILE_NAMES = frozenset({".env", ".envrc", ".netrc", ".pgpass", "id_rsa", "id_ed25519", "credentials"})
_SECRET_SUFFIXES = (".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".kdbx")


def is_secret_file(name: str) -> bool:
    """Files that hold credentials by convention: never opened."""
    if name in _SECRET_FILE_NAMES or name.endswith(_SECRET_SUFFIXES):
        return True
    return name.startswith(".env.") and not name.endswith((".example", ".sample", ".template", ".dist"))


@dataclass(frozen=True)
class YamlDocument:
    line: int
    value: Any


@dataclass
class SourceFile:
    path: Path
    rel: str
    problems: list[str] = field(default_factory=list)

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()

    def ref(self, line: int | None = None) -> str:
        return f"{self.rel}:{line}" if line else self.rel

    @cached_property
    def text(self) -> str | None:
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            self.problems.append(f"{self.rel}: cannot read: {exc.strerror}")
            return None
        if b"\0" in raw[:8192]:
            return None
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("latin-1")

    @cached_property
    def yaml_documents(self) -> list[YamlDocument]:
        """Every document of a YAML (or JSON) file, with the line it starts on; [] if not YAML."""
        if self.suffix not in (".yaml", ".yml", ".json") or self.text is None:
            return []
        if self.suffix == ".json":
            value = self.json_value
            return [] if value is None else [YamlDocument(1, value)]
        documents: list[YamlDocument] = []
        loader = _SAFE_LOADER(self.text)
        try:
            while loader.check_node():
                node = loader.get_node()
                if node is not None:
                    documents.append(YamlDocument(node.start_mark.line + 1, loader.construct_document(node)))
        except yaml.YAMLError as exc:
            self.problems.append(f"{self.rel}: not YAML ({describe_yaml_error(exc)}); skipped the rest")
        finally:
            loader.dispose()
        return documents

    @cached_property
    def json_value(self) -> Any:
        if self.text is None:
            return None
        try:
            return json.loads(self.text)
        except ValueError as exc:
            self.problems.append(
                f"{self.rel}: not JSON ({exc.__class__.__name__} at {getattr(exc, 'lineno', '?')})"
            )
            return None


def walk(root: Path, exclude: list[str]) -> Iterator[SourceFile]:
    """Regular files under root in a stable order, minus skipped folders, secrets and `exclude` globs."""
    if root.is_file():
        yield SourceFile(root, root.name)
        return
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        for name in sorted(filenames):
            path = Path(directory, name)
            rel = path.relative_to(root).as_posix()
            if is_secret_file(name) or any(fnmatch.fnmatch(rel, pattern) for pattern in exclude):
                continue
            try:
                if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
                    continue
            except OSError:
                continue
            yield SourceFile(path, rel)


def walk_paths(root: Path, paths: list[Path], exclude: list[str]) -> Iterator[SourceFile]:
    """The given files and folders (as a pre-commit hook passes them), relative to root."""
    seen: set[Path] = set()
    for given in paths:
        if given.is_dir():
            for source in walk(given, exclude):
                resolved = source.path.resolve()
                if resolved not in seen:
                    seen.add(resolved)
                    rel = os.path.relpath(source.path, root)
                    yield SourceFile(source.path, Path(rel).as_posix())
        elif given.is_file() and not is_secret_file(given.name):
            resolved = given.resolve()
            rel = Path(os.path.relpath(given, root)).as_posix()
            if resolved not in seen and not any(fnmatch.fnmatch(rel, p) for p in exclude):
                seen.add(resolved)
                yield SourceFile(given, rel)
