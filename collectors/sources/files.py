"""Walking a repository once and parsing each file at most once, whichever collectors ask.

Files are found by content, not by name: collectors ask for YAML documents, JSON values or
text and look at what is inside. What this module never does: read a file it was told to
skip, read `.env` files (they hold real values; only `.env.example`-style files are read,
and only their variable names are kept), or print file content in an error message.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from gonogo.collectors.bounded import (
    DEFAULT_LIMITS,
    Limits,
    Unparsable,
    active,
    check_yaml_node,
    decode,
    load_json,
)

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
MAX_FILE_BYTES = DEFAULT_LIMITS.max_bytes
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
    unread: str = ""
    """Why the file's content could not be used (over a limit, binary, undecodable); "" when read."""
    touched: bool = False
    """Set when a collector asks for the content; the runner clears it before each collector."""
    limits: Limits = field(default_factory=active)
    """The collection's limits (gonogo.yaml `limits:`), taken when the file is found."""

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()

    def ref(self, line: int | None = None) -> str:
        return f"{self.rel}:{line}" if line else self.rel

    @property
    def text(self) -> str | None:
        self.touched = True
        return self._text

    @property
    def yaml_documents(self) -> list[YamlDocument]:
        """Every document of a YAML (or JSON) file, with the line it starts on; [] if not YAML."""
        self.touched = True
        return self._yaml_documents

    @property
    def json_value(self) -> Any:
        self.touched = True
        return self._json_value

    @cached_property
    def _text(self) -> str | None:
        if self.unread:
            return None
        try:
            if self.path.stat().st_size > self.limits.max_bytes:
                limit = self.limits.max_bytes
                return self._unread(f"over the limit of {limit:,} bytes per file (limits.max_file_mib)")
            raw = self.path.read_bytes()
        except OSError as exc:
            self.problems.append(f"{self.rel}: cannot read: {exc.strerror}")
            return None
        try:
            return decode(raw)
        except Unparsable as exc:
            return self._unread(str(exc))

    def _unread(self, reason: str) -> None:
        self.unread = reason
        self.problems.append(f"{self.rel}: not read: {reason}")
        return None

    @cached_property
    def _yaml_documents(self) -> list[YamlDocument]:
        if self.suffix not in (".yaml", ".yml", ".json") or self.text is None:
            return []
        if self.suffix == ".json":
            value = self.json_value
            return [] if value is None else [YamlDocument(1, value)]
        documents: list[YamlDocument] = []
        loader = _SAFE_LOADER(self.text)
        warnings: list[str] = []
        try:
            while loader.check_node():
                node = loader.get_node()
                if node is not None:
                    check_yaml_node(node, warnings, self.limits)
                    documents.append(YamlDocument(node.start_mark.line + 1, loader.construct_document(node)))
        except yaml.YAMLError as exc:
            self.problems.append(f"{self.rel}: not YAML ({describe_yaml_error(exc)}); skipped the rest")
        except Unparsable as exc:
            self._unread(f"{exc}; skipped the rest")
        except RecursionError:
            self._unread("nested too deeply to parse; skipped the rest")
        except (ValueError, OverflowError):
            self._unread("a value PyYAML cannot build; skipped the rest")
        finally:
            self.problems.extend(f"{self.rel}: {warning}" for warning in warnings)
            loader.dispose()
        return documents

    @cached_property
    def _json_value(self) -> Any:
        if self.text is None:
            return None
        warnings: list[str] = []
        try:
            return load_json(self.text, warnings, self.limits)
        except Unparsable as exc:
            if "not JSON" in str(exc):
                self.problems.append(f"{self.rel}: {exc}")
                return None
            return self._unread(str(exc))
        finally:
            self.problems.extend(f"{self.rel}: {warning}" for warning in warnings)


def walk(root: Path, exclude: list[str]) -> Iterator[SourceFile]:
    """Regular files under root in a stable order, minus skipped folders, secrets and `exclude` globs."""
    if root.is_file():
        yield SourceFile(root, root.name)
        return
    inside = root.resolve()
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        for name in sorted(filenames):
            path = Path(directory, name)
            rel = path.relative_to(root).as_posix()
            if is_secret_file(name) or any(fnmatch.fnmatch(rel, pattern) for pattern in exclude):
                continue
            try:
                if not path.is_file():
                    continue
                outside = path.is_symlink() and not path.resolve().is_relative_to(inside)
            except (OSError, RuntimeError):  # RuntimeError: a symlink loop
                continue
            if outside:  # nothing outside the scanned folder is read
                reason = "a symlink to outside the scanned folder, not followed"
                yield SourceFile(path, rel, [f"{rel}: not read: {reason}"], reason)
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


EVIDENCE_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".xml", ".sarif", ".tf", ".lcov", ".csv", ".info"})


def skipped_evidence(files: list[SourceFile], feeds: list[str]) -> list[dict[str, Any]]:
    """Unread files that look like evidence and that the collector just run asked for (`touched`):
    `collectors.<name>.skipped` entries, so the items that collector feeds cannot pass."""
    return [
        {"file": f.rel, "reason": f.unread, "feeds": list(feeds)}
        for f in files
        if f.unread and f.touched and f.suffix in EVIDENCE_SUFFIXES
    ]
