"""The collector contract: what a plug-in declares, what it is given, and how it names its evidence.

A collector is a class with

- `name` and `version`;
- `provides`: the dotted snapshot paths it fills (`operations.documents`). The runner drops a
  collector's whole output, and records an error, when it writes anywhere else; items whose
  METADATA evidence names a provided path become `error` when the collector fails;
- `options`: typed `Option`s; the CLI builds a `--<name>` flag from each, and the value reaches
  `ctx.options[name]` (unset options are left out);
- `when_nothing_found`: `"absent"` (a collector that finds nothing returns `{}` and its sections
  stay out of the snapshot, so their items are pending) or `"empty"` (the provided paths are
  present, possibly empty, so their items judge "searched, found nothing");
- `volatile` (optional): snapshot paths whose facts depend on the machine collecting them (a
  tool found or not, its version), not on the repository; the evidence digest a sign-off binds
  leaves them out, so the same repository signs off the same on any machine;
- `judgments` (optional): `(snapshot path, what is decided, where)` for each judgment the
  collector makes while reading, where Rego cannot make it (which alert class a PromQL
  expression measures); each item page of `gonogo docs` whose evidence is that path names it;
- `collect(ctx) -> dict`: a partial snapshot `{section: {key: facts}}`, validated against the
  collector's `schema.json` (beside its module) before it is merged.

docs/writing-collectors.md walks through writing one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, Protocol

from gonogo.collectors.sources.files import SourceFile

OptionType = Literal["str", "path", "bool", "int", "float", "choice"]
NothingFound = Literal["absent", "empty"]
NOTHING_FOUND_CHOICES: tuple[str, ...] = ("absent", "empty")


class CollectorError(Exception):
    """An error whose message a collector wrote to be shown: it names objects and positions,
    never collected content. The runner records other exceptions by type and place only, since
    Python's own messages often quote the value that failed (`invalid literal for int(): '...'`)."""


@dataclass(frozen=True)
class Option:
    """One setting of a collector: CLI flag `--<name with dashes>`, value in `ctx.options[name]`."""

    name: str
    help: str
    type: OptionType = "str"
    default: Any = None
    multiple: bool = False
    choices: tuple[str, ...] = ()
    envvar: str | None = None
    secret: bool = False
    """Never echoed: not in help defaults, logs, errors or the snapshot."""


@dataclass
class CollectContext:
    root: Path
    files: list[SourceFile]
    config: dict[str, Any]
    now: datetime
    options: dict[str, Any] = field(default_factory=dict)
    """Option values by `Option.name` (`probe_url`, `kubeconfig`, ...); unset options are absent."""
    warnings: list[str] = field(default_factory=list)
    """What a collector skipped and why (a file that is templated, not YAML); shown in reports."""
    skipped: list[dict[str, Any]] = field(default_factory=list)
    """Evidence files read but not usable: `{"file", "reason", "feeds": [snapshot paths]}`; the
    items those paths feed cannot pass (evaluator/verdicts.py makes them pending)."""
    collector: str = ""
    """The name of the collector being run: the `collector` of every provenance record it builds."""
    shared: dict[str, Any] = field(default_factory=dict)
    """Sources read once per run and shared by collectors (collectors/sources/), by key."""

    def file_ref(
        self,
        source: SourceFile | str,
        line: int | None = None,
        *,
        at: str | None = None,
        note: str | None = None,
    ) -> dict[str, Any]:
        """Provenance of a fact read from a file: `{"collector", "file", "ref"[, "line"]}`.

        `ref` (what reports show) is `file:line`, or `file:<at>` when a position is better named
        than numbered (a Terraform address); `note` adds ` (<note>)` (how the file was rendered).
        """
        rel = source if isinstance(source, str) else source.rel
        ref = f"{rel}:{at}" if at else (f"{rel}:{line}" if line else rel)
        if note:
            ref = f"{ref} ({note})"
        record: dict[str, Any] = {"collector": self._collector_name(), "file": rel, "ref": ref}
        if line:
            record["line"] = line
        return record

    def object_ref(self, kind: str, namespace: str | None, name: str) -> dict[str, Any]:
        """Provenance of a live object: `Kind/namespace/name` (or `Kind/name` when cluster-scoped)."""
        return self.named_ref(f"{kind}/{namespace}/{name}" if namespace else f"{kind}/{name}")

    def named_ref(self, name: str) -> dict[str, Any]:
        """Provenance of something that is neither a file nor a cluster object (a probed endpoint)."""
        return {"collector": self._collector_name(), "object": name, "ref": name}

    def source(self, key: str, read: Callable[[CollectContext], Any]) -> Any:
        """`read(self)` once per run, shared by every collector that asks for `key`."""
        if key not in self.shared:
            self.shared[key] = read(self)
        return self.shared[key]

    def _collector_name(self) -> str:
        if not self.collector:
            raise RuntimeError("provenance needs ctx.collector: the name of the collector being run")
        return self.collector


class Collector(Protocol):
    name: str
    version: str
    provides: tuple[str, ...]
    """Snapshot paths this collector fills (`operations.documents`); it may write nothing else."""
    options: tuple[Option, ...]
    when_nothing_found: NothingFound

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        """A partial snapshot: {section: {key: facts}}; validated, then merged by the runner."""
        ...
