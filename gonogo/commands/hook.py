"""`gonogo hook FILES`: the pre-commit hook; the logic lives in gonogo/hook/."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from gonogo.options import (
    CollectorFlagsCommand,
    collector_args,
    collector_options,
    engine_from,
    warm_engine_options,
)


@click.command(name="hook", cls=CollectorFlagsCommand)
@click.argument("files", nargs=-1)
@collector_options
@warm_engine_options
@click.option("--verbose", "-v", is_flag=True, help="Also show failures about unchanged files and a summary.")
@click.option(
    "--skip",
    "skip",
    multiple=True,
    metavar="ITEM",
    help="Never block on this item (not critical; repeatable); --verbose still lists its failures.",
)
def hook(files: tuple[str, ...], **kw: Any) -> None:
    """Judge staged FILES (as pre-commit passes them) in the context of the whole staged repository.

    The repository is collected once, from the git index (the staged versions of the changed
    files, the committed versions of the rest). The commit fails only on a failing criterion
    whose evidence cites one of FILES: one line per finding, `path:line: ITEM severity:
    message (fix: ...)`, then a one-line summary. Exit 0 clean, 1 findings, 2 error.
    """
    from gonogo.clock import gate_clock
    from gonogo.gate import check_skip_ids
    from gonogo.hook.run import run_hook

    gate_clock(False)  # a past SOURCE_DATE_EPOCH brings expired waivers back: refused (exit 2), as in check
    skip = check_skip_ids(kw.pop("skip"))
    verbose = kw.pop("verbose")
    config_path = kw.pop("config_path")
    collectors = list(kw.pop("collectors")) or None
    options = collector_args(kw)
    result = run_hook(
        list(files),
        cwd=Path.cwd(),
        collectors=collectors,
        config_path=config_path,
        options=options,
        engine_options=engine_from(kw),
        full_fix=verbose,
        skip=skip,
    )
    for line in result.lines:
        click.echo(line)
    if verbose:
        for line in result.details:
            click.echo(line)
    sys.exit(result.exit_code)
