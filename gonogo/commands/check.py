"""`gonogo check PATHS`: collect and evaluate in one run, then exit with the decision."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from gonogo.options import (
    CollectorFlagsCommand,
    collector_args,
    collector_options,
    early_engine_options,
    engine_from,
    report_options,
    root_and_paths,
)
from gonogo.report_output import emit_report, remove_stale_output, report_request, write_output


@click.command(cls=CollectorFlagsCommand)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@collector_options
@early_engine_options
@report_options
@click.option(
    "--snapshot-out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the collected snapshot here.",
)
def check(paths: tuple[Path, ...], **kw: Any) -> None:
    """Collect evidence from PATHS (default: the current folder) and decide Go/No-Go.

    One folder is a repository; several files or folders (as a pre-commit hook passes them)
    are collected alone, with gonogo.yaml looked up in the current folder. The default engine,
    `server`, starts OPA before collecting, so it compiles the policies while the collectors run.
    """
    from gonogo import api, progress
    from gonogo.clock import gate_clock
    from gonogo.config import find_config, load_config

    request = report_request(kw)
    request.remove_stale()
    gate_clock(request.replay)  # a past clock without --replay: exit 2, and no stale report left
    remove_stale_output(kw.get("snapshot_out"))
    root, only_paths = root_and_paths(paths)
    options = collector_args(kw)
    config = load_config(find_config(root, kw.pop("config_path")))
    only = list(kw.pop("collectors")) or None
    # the catalog is read, and a server engine compiles the policies, while the collectors run
    with progress.shown(), api.judge(config, engine_from(kw), early=True) as judging:
        snapshot = api.collect_with_config(root, config, options, only, only_paths)
        if kw.get("snapshot_out"):
            from gonogo.evaluator.snapshot import snapshot_file_bytes

            write_output(snapshot_file_bytes(snapshot).decode(), kw["snapshot_out"])
        progress.PROGRESS.info("evaluating the snapshot with OPA")
        report = judging.report(snapshot, request.apply_min_score(config))
    sys.exit(emit_report(report, request))
