"""Writing a report or snapshot, and the exit code of a rendered report."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

EXIT_APPROVED, EXIT_NEEDS_WORK, EXIT_ERROR = 0, 1, 2


def renderer(name: str) -> Callable[..., str]:
    from importlib import import_module

    module = {"json": "json_report"}.get(name, name)
    return import_module(f"gonogo.evaluator.outputs.{module}").render


def write_output(text: str, output: Path | None) -> None:
    """Atomically replaces output (a temp file of its own in the same folder, so concurrent runs
    never share one; removed if the write fails)."""
    if output is None:
        click.echo(text, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w") as stream:
            stream.write(text)
        # mkstemp makes the file 0600; a report gets the mode any file written here would get
        os.chmod(temporary, 0o666 & ~_umask())
        temporary.replace(output)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def remove_stale_output(output: Path | None) -> None:
    """A run that fails must not leave an earlier run's report behind as if it were its own."""
    if output is not None:
        output.unlink(missing_ok=True)


@dataclass(frozen=True)
class ReportRequest:
    """What a run writes: the report on standard output (`stdout_format`, None when every report
    goes to a file), the files (format, path), the gate and the rendering choices."""

    stdout_format: str | None
    files: tuple[tuple[str, Path], ...]
    fail_on: str
    min_score: float | None
    verbose: bool
    color: bool | None
    docs_url: str | None
    baseline: Path | None = None
    replay: bool = False
    """--replay: a past SOURCE_DATE_EPOCH is allowed (gonogo.clock.gate_clock)."""
    skip: tuple[str, ...] = ()
    """--skip ITEM: left out of the gate, recorded in the report (gonogo/gate.py)."""

    def remove_stale(self) -> None:
        for _, path in self.files:
            remove_stale_output(path)

    def apply_min_score(self, config: dict[str, Any]) -> dict[str, Any]:
        """The config with --min-score in place of decision.min_score (a copy; None: unchanged)."""
        if self.min_score is None:
            return config
        return {**config, "decision": {**(config.get("decision") or {}), "min_score": self.min_score}}


def report_request(kw: dict[str, Any]) -> ReportRequest:
    """Pops the report options out of a command's keyword arguments. One -f at most; -o PATH
    takes it, -o FORMAT=PATH names its own; a path named twice is refused (never the last kept)."""
    from gonogo.gate import check_skip_ids

    formats: tuple[str, ...] = kw.pop("fmt")
    if len(formats) > 1:
        raise click.UsageError(f"-f/--format given {len(formats)} times; use -o FORMAT=PATH for more outputs")
    chosen = formats[0] if formats else None
    files: list[tuple[str, Path]] = []
    plain = 0
    for value in kw.pop("outputs"):
        named = output_format(value)
        if named is not None:
            files.append(named)
        else:
            plain += 1
            files.append((chosen or "terminal", Path(value)))
    if plain > 1:
        raise click.UsageError("more than one -o PATH without a format; name each: -o FORMAT=PATH")
    resolved = [path.resolve() for _, path in files]
    if len(set(resolved)) != len(resolved):
        raise click.UsageError("the same -o path is given twice")
    if not files:
        stdout_format: str | None = chosen or "terminal"
    else:
        stdout_format = chosen if chosen and not plain else None
    return ReportRequest(
        stdout_format,
        tuple(files),
        kw.pop("fail_on"),
        kw.pop("min_score"),
        kw.pop("verbose"),
        kw.pop("color"),
        kw.pop("docs_url"),
        kw.pop("baseline"),
        bool(kw.pop("replay", False)),
        check_skip_ids(kw.pop("skip", ())),
    )


_FORMAT_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def output_format(value: str) -> tuple[str, Path] | None:
    """(format, path) for `-o FORMAT=PATH` (a format or one of its aliases); None for a plain
    PATH. A word before `=` that names no format is a usage error, never a file named `md=x`
    (a file whose name holds `=` is written as `./NAME`)."""
    from gonogo.options import FORMAT_ALIASES, FORMATS

    head, sep, tail = value.partition("=")
    if not sep or not _FORMAT_WORD.match(head):
        return None
    name = FORMAT_ALIASES.get(head.lower(), head.lower())
    if name not in FORMATS:
        aliases = ", ".join(f"{alias}={fmt}" for alias, fmt in FORMAT_ALIASES.items())
        raise click.UsageError(
            f"-o {head}=...: unknown format {head!r}; the formats are {', '.join(FORMATS)} "
            f"(aliases: {aliases}); for a file whose name holds '=', write -o ./{value}"
        )
    if not tail:
        raise click.UsageError(f"-o {head}=: no path after the format")
    return name, Path(tail)


def render_report(report: dict[str, Any], fmt: str, request: ReportRequest, tty: bool) -> str:
    render = renderer(fmt)
    if fmt == "terminal":
        color = request.color
        if color is None:
            color = tty and not os.environ.get("NO_COLOR")
        return render(report, color=color, verbose=request.verbose)
    if fmt == "sarif":
        return render(report, docs_url=request.docs_url)
    return render(report)


def summary_lines(report: dict[str, Any]) -> list[str]:
    """The terminal summary for the log when the report itself is in a file or machine format."""
    summary = report["summary"]
    lines = [
        f"gonogo: items {summary['total']}: {summary['completed']} completed, {summary['pending']} "
        f"pending, {summary['blocked']} blocked, {summary['critical_blockers']} critical blocker(s)",
        f"gonogo: readiness score {summary['score']:g}/100 (minimum {report['min_score']:g})",
    ]
    reasons = "; ".join(report.get("decision_reasons") or [])
    decision = report["decision"].replace("_", " ")
    lines.append(f"gonogo: decision {decision}" + (f" — {reasons}" if reasons else ""))
    return lines


def emit_report(report: dict[str, Any], request: ReportRequest) -> int:
    from gonogo.gate import apply_skips, gate_class, skip_note, skipped_ids

    apply_skips(report, request.skip)  # before rendering: every format shows the skipped items
    for fmt, path in request.files:
        write_output(render_report(report, fmt, request, tty=False), path)
    if request.stdout_format:
        write_output(render_report(report, request.stdout_format, request, sys.stdout.isatty()), None)
    if "github" in [request.stdout_format, *(fmt for fmt, _ in request.files)]:
        _append_step_summary(report)
    if request.stdout_format != "terminal":
        for line in summary_lines(report):
            click.echo(line, err=True)
        for fmt, path in request.files:
            click.echo(f"gonogo: wrote {fmt} report to {path}", err=True)
    from gonogo.evaluator.decision import failed_collectors

    note = skip_note(report)
    if note:
        click.echo(f"gonogo: {note}", err=True)
    verdict = gate_class(report, request.fail_on)
    if request.baseline is not None and verdict != "error":
        verdict = _baseline_gate(report, request.baseline, skipped_ids(report))
    if verdict == "approved" and report.get("provenance", {}).get("clock") == "replay":
        # A past clock can bring expired waivers and attestations back: a replay is never a gate.
        click.echo(
            "gonogo: the clock is a replay (a past SOURCE_DATE_EPOCH); a replay never passes a gate", err=True
        )
        verdict = "needs_work"
    if report["summary"]["by_verdict"]["error"]:
        count = report["summary"]["by_verdict"]["error"]
        click.echo(f"gonogo: {count} item(s) could not be evaluated; see the report", err=True)
    elif failed_collectors(report):
        click.echo(
            f"gonogo: collector(s) failed: {', '.join(failed_collectors(report))}; see the report", err=True
        )
    return {"approved": EXIT_APPROVED, "needs_work": EXIT_NEEDS_WORK, "error": EXIT_ERROR}[verdict]


def _baseline_gate(report: dict[str, Any], baseline: Path, skipped: set[str]) -> str:
    """--baseline: needs_work only when an item (not skipped by --skip) regressed against the
    earlier report."""
    from gonogo.commands.diff import compare, load_report

    regressed = [row for row in compare(load_report(baseline), report).regressed if row[0] not in skipped]
    for item_id, old, new in regressed:
        click.echo(f"gonogo: regressed against the baseline: {item_id} {old} -> {new}", err=True)
    if not regressed:
        click.echo("gonogo: no item regressed against the baseline", err=True)
    return "needs_work" if regressed else "approved"


def _append_step_summary(report: dict[str, Any]) -> None:
    """-f github: the Markdown report goes to the job summary when GitHub Actions names one."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as stream:
            stream.write(renderer("markdown")(report))
