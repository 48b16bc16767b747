"""Writing a report or snapshot, and the exit code of a rendered report."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
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
        temporary.replace(output)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def remove_stale_output(output: Path | None) -> None:
    """A run that fails must not leave an earlier run's report behind as if it were its own."""
    if output is not None:
        output.unlink(missing_ok=True)


def emit_report(
    report: dict[str, Any],
    fmt: str,
    output: Path | None,
    fail_on: str,
    verbose: bool,
    color: bool | None,
    docs_url: str | None = None,
) -> int:
    if color is None:
        color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    render = renderer(fmt)
    if fmt == "terminal":
        text = render(report, color=color, verbose=verbose)
    elif fmt == "sarif":
        text = render(report, docs_url=docs_url)
    else:
        text = render(report)
    write_output(text, output)
    from gonogo.evaluator.decision import exit_class, failed_collectors

    verdict = exit_class(report, fail_on)
    if report["summary"]["by_verdict"]["error"]:
        count = report["summary"]["by_verdict"]["error"]
        click.echo(f"gonogo: {count} item(s) could not be evaluated; see the report", err=True)
    elif failed_collectors(report):
        click.echo(
            f"gonogo: collector(s) failed: {', '.join(failed_collectors(report))}; see the report", err=True
        )
    return {"approved": EXIT_APPROVED, "needs_work": EXIT_NEEDS_WORK, "error": EXIT_ERROR}[verdict]
