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
@click.option(
    "--snapshot-signature",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The snapshot's signature (default: SNAPSHOT.dsse.json beside it, if there).",
)
@click.option(
    "--require-signed-snapshot",
    is_flag=True,
    help="Refuse (exit 2) a snapshot without a valid signature by a key in the trust configuration.",
)
@engine_options
@report_options
def evaluate(
    snapshot: Path,
    config_path: Path | None,
    snapshot_signature: Path | None,
    require_signed_snapshot: bool,
    **kw: Any,
) -> None:
    """Evaluate a snapshot (JSON or YAML) written by `gonogo collect`.

    The report records where the snapshot came from: signed (by whom, from `gonogo collect
    --sign`) or unsigned."""
    from gonogo import api, progress
    from gonogo.clock import gate_clock
    from gonogo.config import load_config
    from gonogo.evaluator.snapshot import bytes_digest, load_snapshot
    from gonogo.trust.snapshot_signature import SnapshotSignatureError, snapshot_origin

    request = report_request(kw)
    request.remove_stale()
    gate_clock(request.replay)  # a past clock without --replay: exit 2, and no stale report left
    config = request.apply_min_score(load_config(config_path))
    data = snapshot.read_bytes()
    origin = snapshot_origin(snapshot, data, snapshot_signature, api.trust_identities(config))
    if require_signed_snapshot and origin.kind != "signed":
        raise SnapshotSignatureError(
            f"{snapshot}: --require-signed-snapshot: {origin.reason or 'the snapshot is not signed'}"
        )
    document = load_snapshot(snapshot, data)
    with progress.shown():
        progress.PROGRESS.info("evaluating %s with OPA", snapshot.name)
        report = api.evaluate(
            document,
            config,
            engine_from(kw),
            snapshot_sha256=bytes_digest(data),
            origin=origin,
            numbers_checked=True,
        )
    sys.exit(emit_report(report, request))
