"""`gonogo evaluate SNAPSHOT`: the report for a snapshot written by `gonogo collect`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from gonogo.options import engine_from, engine_options, report_options
from gonogo.report_output import emit_report, report_request


@click.command()
@click.argument("snapshot", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--config",
    "-c",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="gonogo.yaml for waivers and the minimum score (thresholds are in the snapshot).",
)
@engine_options
@report_options
def evaluate(snapshot: Path, config_path: Path | None, **kw: Any) -> None:
    """Evaluate a snapshot (JSON or YAML) written by `gonogo collect`."""
    from gonogo import api
    from gonogo.config import load_config
    from gonogo.evaluator.snapshot import load_snapshot

    request = report_request(kw)
    request.remove_stale()
    document = load_snapshot(snapshot)
    config = request.apply_min_score(load_config(config_path))
    report = api.evaluate(document, config, engine_from(kw))
    sys.exit(emit_report(report, request))
