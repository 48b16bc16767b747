"""Parsed YAML kept between runs, keyed by content: the pre-commit hook's repeated collections.

A hook run collects the whole staged repository although a commit changes a few files, so most
of its parsing repeats the run before. With a cache folder (the hook's `<git dir>/gonogo/`), each
file's parse (`yaml_parse.Parsed`: the documents with their lines, the problem, the warnings) is
kept under the sha256 of its text and the collection's limits, and a later run with the same text
and limits decodes it instead of parsing again: 798 files parse in 0.12 s and decode in 0.03 s.

What a cached parse can never do is differ from a fresh one:
- the key is the text's digest and the limits; the file's `version` is a digest of the parsing
  code (yaml_parse.py, bounded.py) and PyYAML's version, so a changed parser starts the cache again;
- values are stored as marshal data (no code runs when it is read, unlike pickle) and rebuilt into
  fresh objects every time, so no run shares a mutable value with another;
- a file that cannot be read, decoded or trusted is a miss for every file (parsed afresh), never
  an error, and is replaced at the end of the run; a value of a type the codec does not know is
  not cached.
The file is written (atomically, 0600) only when the run parsed something new, and holds the
entries the run used: it never grows past one repository's files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import yaml
from gonogo.collectors.bounded import Limits
from gonogo.collectors.sources.yaml_parse import LineDict, Parsed, parse_yaml

CACHE_FILE = "parse.marshal"


class Uncacheable(Exception):
    """A value the codec does not store (a type safe YAML does not build today), or nested past
    what the encoder recurses into."""


def _code_version() -> str:
    digest = hashlib.sha256(f"{yaml.__version__}\0{hasattr(yaml, 'CSafeLoader')}".encode())
    here = Path(__file__).resolve().parent
    for path in (here / "yaml_parse.py", here.parent / "bounded.py", Path(__file__).resolve()):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _encode(value: Any) -> Any:
    kind = type(value)
    if kind is LineDict:
        keys = list(value)
        return (
            "m",
            value.line,
            [_encode(k) for k in keys],
            [_encode(value[k]) for k in keys],
            [value.line_of(k) for k in keys],
            [value.name_line_of(k) for k in keys],
        )
    if kind is list:
        return [_encode(item) for item in value]
    if kind in (str, int, float, bool, bytes) or value is None:
        return value
    if kind is tuple:
        return ("p", [_encode(item) for item in value])
    if kind is set:
        return ("s", [_encode(item) for item in value])
    if kind is dt.datetime:
        return ("t", value.isoformat())
    if kind is dt.date:
        return ("d", value.isoformat())
    raise Uncacheable(kind.__name__)


def _decode(value: Any) -> Any:
    kind = type(value)
    if kind is list:
        return [_decode(item) for item in value]
    if kind is not tuple:
        return value
    tag = value[0]
    if tag == "m":
        _, line, raw_keys, raw_values, key_lines, name_lines = value
        keys = [_decode(k) for k in raw_keys]
        mapping = LineDict(zip(keys, [_decode(v) for v in raw_values], strict=True))
        mapping.line = line
        mapping.key_lines = dict(zip(keys, key_lines, strict=True))
        mapping.name_lines = dict(zip(keys, name_lines, strict=True))
        return mapping
    if tag == "p":
        return tuple(_decode(item) for item in value[1])
    if tag == "s":
        return {_decode(item) for item in value[1]}
    if tag == "t":
        return dt.datetime.fromisoformat(value[1])
    if tag == "d":
        return dt.date.fromisoformat(value[1])
    raise ValueError("not a cached value")


def entry_of(parsed: Parsed) -> tuple[Any, ...]:
    """A parse as marshal-able data (the cache's entries, and the parse pool's answers)."""
    try:
        documents = [(at, _encode(v)) for at, v in parsed.documents]
    except RecursionError as exc:
        raise Uncacheable("nested too deeply") from exc
    return (documents, parsed.problem, parsed.line, parsed.over_limit, list(parsed.warnings))


def parsed_of(entry: Any) -> Parsed:
    """The parse `entry_of` stored, rebuilt into fresh objects; raises on anything else."""
    documents, problem, line, over, warnings = entry
    return Parsed([(at, _decode(v)) for at, v in documents], problem, line, over, tuple(warnings))


class ParseCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.version = _code_version()
        self.stored: dict[str, Any] = self._load()
        self.used: dict[str, Any] = {}
        self.added = 0

    def _load(self) -> dict[str, Any]:
        try:
            raw = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if not isinstance(raw, dict) or raw.get("version") != self.version:
            return {}
        entries = raw.get("entries")
        return entries if isinstance(entries, dict) else {}

    @staticmethod
    def key(text: str, limits: Limits | None) -> str:
        digest = hashlib.sha256(repr(limits).encode())
        digest.update(b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def parse(self, text: str, limits: Limits | None) -> Parsed:
        key = self.key(text, limits)
        entry = self.stored.get(key)
        if entry is not None:
            try:
                parsed = parsed_of(entry)
            except Exception:  # a damaged entry is a miss
                self.stored.pop(key, None)
            else:
                self.used[key] = entry
                return parsed
        parsed = parse_yaml(text, limits)
        try:
            self.used[key] = entry_of(parsed)
        except Uncacheable:  # a type it does not store: parsed afresh each run
            return parsed
        self.added += 1
        return parsed

    def save(self) -> None:
        if not self.added and len(self.used) == len(self.stored):
            return
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.partial")
        try:
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(marshal.dumps({"version": self.version, "entries": self.used}))
            partial.replace(self.path)
        except OSError:
            partial.unlink(missing_ok=True)  # a cache that cannot be written is only slower


class Prefetch(Protocol):
    """Parses made ahead of the collectors (sources/parse_pool.py)."""

    def take(self, origin: str, text: str, limits: Limits | None) -> Parsed | None:
        """The parse made ahead for the file `origin` with exactly this text and limits, or None."""
        ...


_ACTIVE: list[ParseCache] = []
_PREFETCH: list[Prefetch] = []


def parse(text: str, limits: Limits | None, origin: str | None = None) -> Parsed:
    """parse_yaml, through the active cache when a run set one (`using`), else through the parses
    made ahead for the file `origin` (`prefetching`) when there are any."""
    if _ACTIVE:
        return _ACTIVE[-1].parse(text, limits)
    if origin is not None and _PREFETCH:
        parsed = _PREFETCH[-1].take(origin, text, limits)
        if parsed is not None:
            return parsed
    return parse_yaml(text, limits)


def caching() -> bool:
    """Whether parses in this block go through a kept cache."""
    return bool(_ACTIVE)


@contextmanager
def prefetching(prefetch: Prefetch) -> Iterator[None]:
    _PREFETCH.append(prefetch)
    try:
        yield
    finally:
        _PREFETCH.remove(prefetch)


@contextmanager
def using(folder: Path | None) -> Iterator[None]:
    """Parses in the block go through `folder/parse.marshal` (nothing when folder is None)."""
    if folder is None:
        yield
        return
    cache = ParseCache(folder / CACHE_FILE)
    _ACTIVE.append(cache)
    try:
        yield
    finally:
        _ACTIVE.remove(cache)
    cache.save()
