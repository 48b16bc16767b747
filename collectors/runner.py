"""Runs the selected collectors over a folder and assembles one snapshot.

A collector that raises, declares its contract wrongly, writes outside what it `provides` or
returns output that breaks its own `schema.json` does not stop the others: its output is
dropped, its error is recorded under `collectors.<name>.errors`, and the evaluator turns every
item that depends on what it provides into `error`. Collection can block a deployment; it can
never approve one.

Finding nothing (`collect()` returns `{}`): an `absent` collector leaves its sections out (items
pending); an `empty` one gets `{}` at every provided path (items judge "searched, found none").
"""

from __future__ import annotations

import logging
import os
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gonogo.collectors import bounded, registry
from gonogo.collectors.base import CollectContext, Collector, CollectorError
from gonogo.collectors.contract import declaration_problems, empty_output, output_problems, schema_problems
from gonogo.collectors.sources import parse_cache, parse_pool
from gonogo.collectors.sources.files import SourceFile, skipped_evidence, skipped_files, walk, walk_paths

from gonogo import SNAPSHOT_API_VERSION, __version__, clock
from gonogo.errors import GonogoError
from gonogo.text import redact_facts

PROGRESS = logging.getLogger("gonogo.progress")
"""Which collector runs and how many files it has: the CLI shows it on a TTY's stderr (gonogo/progress.py)."""


def _merge(snapshot: dict[str, Any], part: dict[str, Any]) -> None:
    """part's sections into the snapshot. New mappings and lists, never an update in place: a
    collector's output is not copied by redaction when it needs none (gonogo/text.py), and it may
    hold values another collector still reads (a file's shared parse)."""
    for section, facts in part.items():
        target = snapshot[section] = dict(snapshot.get(section) or {})
        for key, value in facts.items():
            if key in target and isinstance(target[key], dict) and isinstance(value, dict):
                target[key] = {**target[key], **value}
            elif key in target and isinstance(target[key], list) and isinstance(value, list):
                target[key] = [*target[key], *value]
            else:
                target[key] = value


def describe_failure(exc: BaseException) -> str:
    """What a failed collector's error says in the snapshot, reports and logs.

    A CollectorError (or a gonogo error) carries a message written to be shown. Any other
    exception is recorded by type and the place it was raised: its message may quote collected
    content, and a secret must never leave through an error.
    """
    if isinstance(exc, CollectorError | GonogoError):
        return f"{exc.__class__.__name__}: {exc}"[:1000]
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{exc.__class__.__name__}{where} (message withheld: it may quote collected content)"


def _run_one(collector: Collector, ctx: CollectContext, snapshot: dict[str, Any]) -> list[str]:
    """Collect, check the output against the contract, merge it: [] or that collector's errors."""
    provides = tuple(collector.provides)
    mode = collector.when_nothing_found  # declared: declaration_problems checked it
    part = redact_facts(collector.collect(ctx))  # no credential or URL secret reaches the snapshot
    if part == {} and mode != "absent":
        part = empty_output(provides)  # searched, found nothing: the provided paths are present
    errors = output_problems(part, provides) or schema_problems(collector, part)
    if not errors:
        _merge(snapshot, part)
    return errors


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


GONOGO_DIR = ".gonogo/"
TRUST_COLLECTOR = "attestations"


def collect(
    root: Path,
    config: dict[str, Any],
    only: list[str] | None = None,
    options: dict[str, Any] | None = None,
    now: datetime | None = None,
    paths: list[Path] | None = None,
    parse_cache_folder: Path | None = None,
) -> dict[str, Any]:
    """Collects from every file under root or, when `paths` is given, from those files and folders only.

    The loading limits and the time budget are gonogo.yaml's `limits:` (collectors/bounded.py).
    `parse_cache_folder`: keep each file's parse there for the next run (sources/parse_cache.py)."""
    limits = bounded.limits_from(config.get("limits"))
    with bounded.using(limits), parse_cache.using(parse_cache_folder):
        return _collect(root, config, only, options, now, paths, limits)


def _elapsed_clock() -> float:
    """The clock of the collection-time budget (a function of its own, so tests can move it)."""
    return time.monotonic()


def _out_of_time(name: str, limits: bounded.Limits) -> dict[str, Any]:
    """The record of a collector the time budget left no room for: failed (its items error), not
    skipped, and with what it provides so the evaluator knows which items it would have fed."""
    run: dict[str, Any] = {"version": "unknown"}
    try:
        collector = registry.load(name)
        run.update(version=collector.version, provides=list(collector.provides))
    except Exception:  # a collector that does not even load is failed all the same
        pass
    run["errors"] = [
        f"not run: the collection-time budget of {limits.collection_seconds:g} s "
        "(limits.collection_seconds) ran out before this collector started"
    ]
    return run


def _collect(
    root: Path,
    config: dict[str, Any],
    only: list[str] | None,
    options: dict[str, Any] | None,
    now: datetime | None,
    paths: list[Path] | None,
    limits: bounded.Limits,
) -> dict[str, Any]:
    deadline = _elapsed_clock() + limits.collection_seconds
    now = now or clock.now()
    exclude = list((config.get("paths") or {}).get("exclude") or [])
    files = list(walk_paths(root, paths, exclude) if paths else walk(root, exclude))
    ctx = CollectContext(root=root, files=files, config=config, now=now, options=dict(options or {}))
    settings = config.get("collectors") or {}
    names = registry.selected(only or settings.get("enabled"), settings.get("disabled"))
    snapshot: dict[str, Any] = {
        "apiVersion": SNAPSHOT_API_VERSION,
        "kind": "Snapshot",
        "metadata": {"root": str(root), "created_at": _stamp(now), "gonogo_version": __version__},
        "context": {},
        "settings": {"thresholds": dict(config.get("thresholds") or {})},
        "collectors": {},
    }
    if paths:
        snapshot["metadata"]["paths"] = [Path(os.path.relpath(p, root)).as_posix() for p in paths]
    with parse_pool.parsing_ahead(files):
        _run_collectors(snapshot, ctx, names, files, deadline, limits)
    # Every file whose content was not used, whole or in part, with the reason (and line): nothing
    # is skipped without a word, whichever collectors ran.
    snapshot["skipped"] = skipped_files(files)
    return snapshot


def _run_collectors(
    snapshot: dict[str, Any],
    ctx: CollectContext,
    names: list[str],
    files: list[SourceFile],
    deadline: float,
    limits: bounded.Limits,
) -> None:
    now = ctx.now
    reported: set[str] = set()
    # .gonogo/ holds gonogo's own files (attestations, allowed_signers): trust material, not
    # evidence about the service. Only the attestations collector reads it, so signing a report
    # never changes the evidence that report's sign-offs bind (gonogo/trust/digest.py).
    evidence_files = [source for source in files if not source.rel.startswith(GONOGO_DIR)]
    for number, name in enumerate(names, start=1):
        PROGRESS.info("collector %d/%d %s: %d file(s)", number, len(names), name, len(files))
        if _elapsed_clock() >= deadline:
            snapshot["collectors"][name] = dict(_out_of_time(name, limits), collected_at=_stamp(now))
            continue
        ctx.files = files if name == TRUST_COLLECTOR else evidence_files
        ctx.warnings = []
        ctx.skipped = []
        for source in files:
            source.touched = False
        ctx.collector = name
        run: dict[str, Any] = {"version": "unknown", "collected_at": _stamp(now)}
        try:
            collector = registry.load(name)
            errors = declaration_problems(collector)
            if not errors:
                run.update(version=collector.version, provides=list(collector.provides))
                volatile = list(getattr(collector, "volatile", ()) or ())
                if volatile:
                    run["volatile"] = volatile
                errors = _run_one(collector, ctx, snapshot)
        except Exception as exc:  # a broken collector blocks its items; it never stops the others
            errors = [describe_failure(exc)]
        if errors:
            run["errors"] = errors
        # Files parse lazily, so a parse problem belongs to the collector that first read the file.
        problems = sorted({p for f in files for p in f.problems} - reported)
        reported.update(problems)
        warnings = ctx.warnings + problems
        if warnings:
            run["warnings"] = warnings[:200]
        skipped = ctx.skipped + skipped_evidence(files, run.get("provides", []))
        if skipped:
            run["skipped"] = skipped[:200]
        snapshot["collectors"][name] = run
