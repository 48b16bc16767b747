"""The collector plug-in interface: a name, a version, the snapshot paths it fills, and collect()."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from gonogo.collectors.source_files import SourceFile


class CollectorError(Exception):
    """An error whose message a collector wrote to be shown: it names objects and positions,
    never collected content. The runner records other exceptions by type and place only, since
    Python's own messages often quote the value that failed (`invalid literal for int(): '...'`)."""


@dataclass
class CollectContext:
    root: Path
    files: list[SourceFile]
    config: dict[str, Any]
    now: datetime
    options: dict[str, Any] = field(default_factory=dict)
    """Command-line options for collectors that need them (`probe_url`, `kubeconfig`, ...)."""
    warnings: list[str] = field(default_factory=list)
    """What a collector skipped and why (a file that is templated, not YAML); shown in reports."""

    def provenance(self, collector: str, source: SourceFile, line: int | None = None) -> dict[str, Any]:
        record: dict[str, Any] = {"collector": collector, "file": source.rel, "ref": source.ref(line)}
        if line:
            record["line"] = line
        return record


class Collector(Protocol):
    name: str
    version: str
    provides: tuple[str, ...]
    """Snapshot paths this collector fills (`operations.documents`); items whose METADATA evidence
    names one of them become `error` when the collector fails."""

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        """A partial snapshot: {section: {key: facts}}; merged into the snapshot by the runner."""
        ...
