"""Walking a repository once and parsing each file at most once, whichever collectors ask.

Files are found by content, not by name: collectors ask for YAML documents, JSON values or
text and look at what is inside. What this module never does: read a file it was told to
skip, read `.env` files (they hold real values; only `.env.example`-style files are read,
and only their variable names are kept), or print file content in an error message.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from gonogo.collectors.bounded import DEFAULT_LIMITS, Limits, Unparsable, active, decode, load_json
from gonogo.collectors.sources import parse_cache
from gonogo.collectors.sources.yaml_parse import (
    set_aside_templates,
    template_action_line,
    template_language,
)

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
    """The document; its mappings are `LineDict`s (yaml_parse.py) that know their lines."""


@dataclass(frozen=True)
class Template:
    """A Go/Helm or Terraform template file (`{{ ... }}` where YAML structure goes), read with the template
    lines set aside (yaml_parse.set_aside_templates): its shape can be recognised, its values are
    not facts. `line` is the line of its first template action."""

    line: int
    documents: list[YamlDocument]
    language: str = "go"
    """"go" (Go/Helm, Jinja) or "terraform" (yaml_parse.template_language)."""


# Formats that are not YAML or JSON whatever their first line looks like: never parsed as YAML.
NOT_STRUCTURED_SUFFIXES = frozenset(
    {
        ".py",
        ".pyi",
        ".js",
        ".mjs",
        ".cjs",
        ".ts",
        ".tsx",
        ".jsx",
        ".go",
        ".java",
        ".kt",
        ".kts",
        ".scala",
        ".groovy",
        ".gradle",
        ".rb",
        ".php",
        ".cs",
        ".c",
        ".h",
        ".cc",
        ".cpp",
        ".hpp",
        ".rs",
        ".swift",
        ".m",
        ".mm",
        ".sh",
        ".bash",
        ".zsh",
        ".fish",
        ".ps1",
        ".bat",
        ".cmd",
        ".lua",
        ".pl",
        ".r",
        ".dart",
        ".ex",
        ".exs",
        ".erl",
        ".clj",
        ".sql",
        ".proto",
        ".graphql",
        ".gql",
        ".vue",
        ".svelte",
        ".md",
        ".markdown",
        ".mdx",
        ".rst",
        ".adoc",
        ".txt",
        ".html",
        ".htm",
        ".xml",
        ".svg",
        ".xsd",
        ".wsdl",
        ".plist",
        ".css",
        ".scss",
        ".sass",
        ".less",
        ".tex",
        ".ini",
        ".cfg",
        ".conf",
        ".toml",
        ".properties",
        ".tf",
        ".tfvars",
        ".hcl",
        ".nomad",
        ".lock",
        ".sum",
        ".mod",
        ".csv",
        ".tsv",
        ".ics",
        ".lcov",
        ".info",
        ".mako",
        ".jtl",
        ".jsonl",
        ".ndjson",
        ".map",
        ".log",
        ".diff",
        ".patch",
        ".example",
        ".sample",
        ".dist",
        ".bak",
        ".orig",
        ".rej",
        ".swp",
        ".pub",
        ".asc",
        ".sig",
        ".crt",
        ".cer",
        ".der",
        ".csr",
        ".gpg",
        ".mermaid",
        ".mmd",
        ".puml",
        ".plantuml",
        ".dot",
        ".drawio",
        ".ipynb",
    }
)
NOT_STRUCTURED_NAMES = frozenset(
    {
        "Makefile",
        "GNUmakefile",
        "Dockerfile",
        "Containerfile",
        "Jenkinsfile",
        "Vagrantfile",
        "Gemfile",
        "Rakefile",
        "Brewfile",
        "Procfile",
        "Caddyfile",
        "CODEOWNERS",
        "LICENSE",
        "NOTICE",
        "AUTHORS",
        "README",
        "CHANGELOG",
        "allowed_signers",
    }
)
_SNIFF_HEAD = 4096
_YAML_FIRST_LINE = re.compile(r"""(?:---(?:\s|$)|%YAML|-\s|["']?[A-Za-z_$][\w.$/-]*["']?\s*:(?:\s|$))""")
_BINARY_HEAD = 8192


def sniff(text: str) -> str | None:
    """ "json", "yaml" or None from a text's first significant line (blank and `#` lines skipped)."""
    for line in text[:_SNIFF_HEAD].splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith(("{{", "{%")):
            return "yaml"  # a template's first action: YAML once rendered, or a template
        if stripped.startswith(("{", "[")):
            return "json"
        return "yaml" if _YAML_FIRST_LINE.match(stripped) else None
    return None


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
    skip: dict[str, Any] | None = None
    """Why (some of) the file was not used: `{"path", "reason"[, "line"]}`, the snapshot's `skipped[]`
    entry; None when every byte was read and parsed."""
    rendered_by: str = ""
    """Set by a collector that rendered this template (`helm template`): it is no longer skipped."""
    parsed_within_limits: bool = False
    """Set by the shared parse when the whole text parsed as YAML with no problem: composing the
    same text again (the secrets collector's nodes) cannot break a bound, so it need not be checked."""

    @cached_property
    def suffix(self) -> str:
        """The name's suffix, lower case (asked about 20 times a file by the collectors)."""
        return self.path.suffix.lower()

    def ref(self, line: int | None = None) -> str:
        return f"{self.rel}:{line}" if line else self.rel

    @property
    def text(self) -> str | None:
        self.touched = True
        return self._text

    @property
    def yaml_documents(self) -> list[YamlDocument]:
        """Every document of a file whose content is YAML or JSON, whatever its name (`*.rules`,
        no suffix), with the line it starts on; [] for other files and for templates. Parsed once,
        with libyaml, and shared by every collector."""
        self.touched = True
        return self._parsed[0]

    @property
    def template(self) -> Template | None:
        """The file read as a Go/Helm template with the template lines set aside; None when the
        file is not a template."""
        self.touched = True
        return self._parsed[1]

    @property
    def structured(self) -> bool:
        """Whether the file is YAML or JSON by its name or, for other names, by its content."""
        return self._form is not None

    @property
    def form(self) -> str | None:
        """ "json" (by name, or a text that opens with `{`/`[` and parses as JSON), "yaml" or None."""
        form = self._form
        if form == "json" and self.suffix != ".json" and self._parsed and self._json_value is None:
            return "yaml"
        return form

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
            with self.path.open("rb") as handle:
                head = handle.read(_BINARY_HEAD)
                nul = _binary_nul(head)
                if nul is not None:
                    line = head.count(b"\n", 0, nul) + 1
                    # an image or an archive is named in skipped[]; a warning only for evidence formats
                    warn = self.suffix in EVIDENCE_SUFFIXES
                    return self._unread(f"binary: a NUL byte on line {line}", line, warn=warn)
                raw = head + handle.read()
        except OSError as exc:
            self.problems.append(f"{self.rel}: cannot read: {exc.strerror}")
            self._skip(f"cannot read: {exc.strerror}")
            return None
        try:
            return decode(raw)
        except Unparsable as exc:
            return self._unread(str(exc))

    def _unread(self, reason: str, line: int | None = None, *, warn: bool = True) -> None:
        if line is None:
            found = re.search(r"line (\d+)", reason)
            line = int(found.group(1)) if found else None
        self.unread = reason
        if warn:
            self.problems.append(f"{self.rel}: not read: {reason}")
        self._skip(reason, line)
        return None

    def mark_skipped(self, reason: str) -> None:
        """Name this file in the snapshot's `skipped[]` (a collector that found it but cannot use it)."""
        self._skip(reason)

    def _skip(self, reason: str, line: int | None = None) -> None:
        if self.skip is None:
            self.skip = {"path": self.rel, "reason": reason} | ({"line": line} if line else {})

    @cached_property
    def _form(self) -> str | None:
        if self.suffix == ".json":
            return "json"
        if self.suffix in (".yaml", ".yml"):
            return "yaml"
        if self.suffix in NOT_STRUCTURED_SUFFIXES or self.path.name in NOT_STRUCTURED_NAMES:
            return None
        text = self._text
        return None if text is None else sniff(text)

    @cached_property
    def _parsed(self) -> tuple[list[YamlDocument], Template | None]:
        form = self._form
        text = self._text
        if form is None or text is None:
            return [], None
        if form == "json":
            value = self._json_value
            if value is not None or self.suffix == ".json" or self.unread:
                return ([] if value is None else [YamlDocument(1, value)]), None
            self.problems[:] = [p for p in self.problems if not p.startswith(f"{self.rel}: not JSON")]
            self.skip = None  # not JSON after all: read it as YAML
        parsed = parse_cache.parse(text, self.limits, self.rel)
        language = template_language(text, self.path.name, parsed)
        if language is not None:
            line = template_action_line(text, language) or 1
            aside = parse_cache.parse(set_aside_templates(text, language), self.limits)
            what = "a Terraform template" if language == "terraform" else "a Go/Helm template"
            self._skip(
                f"{what} (first template action on line {line}), not rendered: "
                "recognised with the template lines set aside, its values not taken as facts",
                line,
            )
            return [], Template(line, [YamlDocument(at, value) for at, value in aside.documents], language)
        self.problems.extend(f"{self.rel}: {warning}" for warning in parsed.warnings)
        self.parsed_within_limits = parsed.problem is None
        documents = [YamlDocument(at, value) for at, value in parsed.documents]
        if parsed.problem is not None:
            rest = "; skipped the rest" if documents else ""
            if parsed.over_limit:
                self._unread(f"{parsed.problem}; skipped the rest", parsed.line)
            else:
                self.problems.append(f"{self.rel}: {parsed.problem}; skipped the rest")
                self._skip(f"unparsable: {parsed.problem}{rest}", parsed.line)
        return documents, None

    @cached_property
    def _json_value(self) -> Any:
        if self._text is None:
            return None
        warnings: list[str] = []
        try:
            return load_json(self._text, warnings, self.limits)
        except Unparsable as exc:
            if "not JSON" in str(exc):
                self.problems.append(f"{self.rel}: {exc}")
                found = re.search(r"line (\d+)", str(exc))
                self._skip(f"unparsable: {exc}", int(found.group(1)) if found else None)
                return None
            return self._unread(str(exc))
        finally:
            self.problems.extend(f"{self.rel}: {warning}" for warning in warnings)


def _binary_nul(head: bytes) -> int | None:
    """Where a NUL byte sits in a file's first bytes, unless the bytes are UTF-16/32 text."""
    nul = head.find(b"\0")
    if nul < 0:
        return None
    try:
        decode(head[: len(head) - len(head) % 4])
    except Unparsable as exc:
        return nul if str(exc).startswith("binary") else None
    return None


def walk(root: Path, exclude: list[str]) -> Iterator[SourceFile]:
    """Regular files under root in a stable order, minus skipped folders, secrets and `exclude` globs.

    os.walk's order (a folder's files by name, then each subfolder by name, depth first), and its
    rule for links: a link to a folder is not entered. Read with scandir, so a regular file costs
    no system call beyond its folder's listing (8,061 files: a fraction of os.walk plus pathlib)."""
    if root.is_file():
        yield SourceFile(root, root.name)
        return
    inside = root.resolve()
    pending: list[tuple[str, str]] = [(str(root), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:  # an unreadable folder is left out, as os.walk leaves it
            continue
        subfolders = []
        for entry in entries:
            if _is_folder(entry):
                if entry.name not in SKIP_DIRS and not entry.is_symlink():
                    subfolders.append((entry.path, f"{prefix}{entry.name}/"))
                continue
            found = _walked_file(entry, prefix + entry.name, exclude, inside)
            if found is not None:
                yield found
        pending.extend(reversed(subfolders))


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link loop: a file to report, as os.walk classifies it
        return False


def _walked_file(entry: os.DirEntry[str], rel: str, exclude: list[str], inside: Path) -> SourceFile | None:
    if is_secret_file(entry.name) or any(fnmatch.fnmatch(rel, pattern) for pattern in exclude):
        return None
    path = Path(entry.path)
    if not entry.is_symlink():
        return SourceFile(path, rel) if entry.is_file() else None
    try:
        if not entry.is_file():
            return _not_read(path, rel, "a symlink to nothing (or a loop), not followed")
        outside = not path.resolve().is_relative_to(inside)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop
        return _not_read(path, rel, "a symlink loop, not followed")
    if outside:  # nothing outside the scanned folder is read
        return _not_read(path, rel, "a symlink to outside the scanned folder, not followed")
    return SourceFile(path, rel)


def _not_read(path: Path, rel: str, reason: str) -> SourceFile:
    return SourceFile(path, rel, [f"{rel}: not read: {reason}"], reason, skip={"path": rel, "reason": reason})


def walk_paths(root: Path, paths: list[Path], exclude: list[str]) -> Iterator[SourceFile]:
    """The given files and folders (as a pre-commit hook passes them), relative to root."""
    seen: set[Path] = set()
    for given in paths:
        if given.is_dir():
            for source in walk(given, exclude):
                resolved = source.path.resolve()
                if resolved not in seen:
                    seen.add(resolved)
                    rel = Path(os.path.relpath(source.path, root)).as_posix()
                    if source.unread:  # a symlink out of the folder stays unread under its new name
                        yield _not_read(source.path, rel, source.unread)
                    else:
                        yield SourceFile(source.path, rel)
        elif given.is_file() and not is_secret_file(given.name):
            resolved = given.resolve()
            rel = Path(os.path.relpath(given, root)).as_posix()
            if resolved not in seen and not any(fnmatch.fnmatch(rel, p) for p in exclude):
                seen.add(resolved)
                yield SourceFile(given, rel)


EVIDENCE_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".xml", ".sarif", ".tf", ".lcov", ".csv", ".info"})


def looks_like_evidence(source: SourceFile) -> bool:
    """An evidence format by name, or YAML/JSON by content (`*.rules`, a file with no suffix)."""
    return source.suffix in EVIDENCE_SUFFIXES or (not source.unread and source.structured)


def skipped_evidence(files: list[SourceFile], feeds: list[str]) -> list[dict[str, Any]]:
    """Files that look like evidence, that the collector just run asked for (`touched`) and that
    could not be used, whole or in part (unread: binary, too large, undecodable, over a bound;
    or unparsable from a line on): `collectors.<name>.skipped` entries, so the items that
    collector feeds cannot pass. Templates are the collectors' to name (they know the format)."""
    entries = []
    for f in files:
        if not f.touched or f.skip is None or f.rendered_by or not looks_like_evidence(f):
            continue
        if f.unread or f.skip["reason"].startswith("unparsable"):
            entry = {"file": f.rel, "reason": f.skip["reason"], "feeds": list(feeds)}
            if f.skip.get("line"):
                entry["line"] = f.skip["line"]
            entries.append(entry)
    return entries


def skipped_files(files: list[SourceFile]) -> list[dict[str, Any]]:
    """The snapshot's `skipped[]`: every file whose content was not used, whole or in part, with
    the reason and the line where there is one. Files no collector opened are looked at too
    (a NUL byte in the first bytes, the size, whether YAML/JSON by content parses), so nothing is
    skipped without a word."""
    for f in files:
        if f.skip is None and not f.unread and f.structured:
            f.yaml_documents  # noqa: B018 - parses (once) the structured files no collector asked for
    return [dict(f.skip) for f in files if f.skip is not None and not f.rendered_by]
