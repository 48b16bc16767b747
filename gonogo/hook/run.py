"""`gonogo hook FILES...`: collect the staged repository once, report only what the change broke.

Exit codes: 0 no finding in a changed file, 1 findings (or a changed file that cannot be read),
2 an error (a collector failed, an item could not be evaluated, no engine). The hook never
prints a Go/No-Go decision: it judges a change, not a release (`gonogo check .` does that).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gonogo.errors import GonogoError, OpaError
from gonogo.evaluator.engine import EngineOptions
from gonogo.hook.findings import change_findings, other_failures, unreadable_files
from gonogo.hook.staged import repo_relative, repository_root
from gonogo.hook.synced_tree import synced_tree

ENGINE_FIX = (
    "no OPA engine: the gonogo hook's install builds the pinned OPA into its environment, and this one "
    "has none. Fix, in this repository: `pre-commit clean && pre-commit install-hooks` with Go on PATH "
    "(https://go.dev/doc/install); or set $GONOGO_OPA to an OPA v1 binary"
)
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
REPLAY_BLOCK = "gonogo hook: the clock is a replay (a past SOURCE_DATE_EPOCH); a replay never passes a gate"


@dataclass
class HookResult:
    exit_code: int
    lines: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # printed with --verbose only


def _require_engine(engine_options: EngineOptions) -> None:
    from gonogo.evaluator.opa_binary import find_opa

    if engine_options.opa_bin or os.environ.get("GONOGO_OPA"):
        return  # an explicit binary keeps find_opa's own message
    try:
        find_opa(None)
    except OpaError as exc:
        raise OpaError(ENGINE_FIX) from exc


def _errors(report: dict[str, Any]) -> list[str]:
    lines = [
        f"gonogo: collector {name} failed: {error}"
        for name, run in report.get("collectors", {}).items()
        for error in run.get("errors") or []
    ]
    lines += [
        f"gonogo: {item['id']} {item['severity']}: could not be evaluated: {c.get('message', '')}"
        for item in report["items"]
        for c in item["criteria"]
        if c["verdict"] == "error" or item["verdict"] == "error"
    ]
    return lines


def run_hook(
    files: list[str],
    *,
    cwd: Path,
    collectors: list[str] | None,
    config_path: Path | None,
    options: dict[str, Any],
    engine_options: EngineOptions,
    full_fix: bool = False,
    skip: tuple[str, ...] = (),
) -> HookResult:
    from gonogo import api
    from gonogo.gate import apply_skips, skipped_ids

    root = repository_root(cwd)
    changed = set(repo_relative(files, root, cwd))
    _require_engine(engine_options)
    with synced_tree(root) as tree:
        config = None
        if config_path is not None:
            given = Path(config_path)
            config = given if given.is_absolute() else tree / repo_relative([str(given)], root, cwd)[0]
            if not config.is_file():
                raise GonogoError(f"config {config_path} is not staged in the repository")
        snapshot, config_document = api.collect(
            tree, config, options, collectors, parse_cache_folder=tree.parent
        )
        report = api.evaluate(snapshot, config_document, engine_options, only_collected=True)
    apply_skips(report, skip)
    errors = _errors(report)
    skipped = skipped_ids(report)
    findings = [f for f in change_findings(report, changed) if f.item not in skipped]
    unreadable = unreadable_files(report, changed)
    lines = [f.text(full_fix) for f in findings] + unreadable
    judged = sum(1 for e in report["items"] if e["verdict"] not in ("pending", "not_applicable"))
    details = [f"(not about the change) {line}" for line in other_failures(report, changed)]
    details += [
        f"(skipped by --skip) {f.text(full_fix)}"
        for f in change_findings(report, changed)
        if f.item in skipped
    ]
    details.append(
        f"gonogo hook: {len(changed)} changed file(s) judged with the whole staged repository "
        f"({judged} item(s) with evidence, {report['summary']['by_verdict'].get('pending', 0)} pending); "
        "a hook never decides a release: `gonogo check .` does"
    )
    if errors:
        summary = "gonogo hook: error (exit 2): nothing is approved"
        return HookResult(EXIT_ERROR, [*errors, *lines, summary], details)
    if lines:
        where = len({line.split(":", 1)[0] for line in lines})
        summary = f"gonogo hook: {len(lines)} finding(s) in {where} changed file(s); commit blocked"
        return HookResult(EXIT_FINDINGS, [*lines, summary], details)
    if report.get("provenance", {}).get("clock") == "replay":  # allowed by GONOGO_ALLOW_PAST_CLOCK=1 only
        return HookResult(EXIT_FINDINGS, [REPLAY_BLOCK], details)
    return HookResult(EXIT_CLEAN, [], details)
