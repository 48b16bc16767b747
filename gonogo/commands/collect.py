"""`gonogo collect PATHS`: write the snapshot without evaluating it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from gonogo.options import CollectorFlagsCommand, collector_args, collector_options, root_and_paths
from gonogo.report_output import remove_stale_output, write_output


@click.command(cls=CollectorFlagsCommand)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@collector_options
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Snapshot file (default: stdout)."
)
def collect(paths: tuple[Path, ...], **kw: Any) -> None:
    """Collect evidence from PATHS (default: the current folder) into a snapshot, without evaluating it."""
    from gonogo import api

    remove_stale_output(kw["output"])
    root, only_paths = root_and_paths(paths)
    options = collector_args(kw)
    snapshot, _ = api.collect(root, kw["config_path"], options, list(kw["collectors"]) or None, only_paths)
    write_output(json.dumps(snapshot, indent=2) + "\n", kw["output"])
