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
@click.option(
    "--sign",
    "sign_key",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Private key (PEM or OpenSSH): also write OUTPUT.dsse.json, a signature over the snapshot's bytes.",
)
def collect(paths: tuple[Path, ...], sign_key: Path | None, **kw: Any) -> None:
    """Collect evidence from PATHS (default: the current folder) into a snapshot, without evaluating it.

    With --sign, `gonogo evaluate` can tell the snapshot was not edited after collection
    (and `--require-signed-snapshot` refuses one that was)."""
    from gonogo import api, progress

    output: Path | None = kw["output"]
    if sign_key is not None and output is None:
        raise click.UsageError("--sign needs --output: the signature is written beside the snapshot file")
    remove_stale_output(output)
    if output is not None:
        from gonogo.trust.snapshot_signature import signature_path

        remove_stale_output(signature_path(output))
    root, only_paths = root_and_paths(paths)
    options = collector_args(kw)
    with progress.shown():  # on a TTY's stderr only: which collector, how many files
        snapshot, _ = api.collect(
            root, kw["config_path"], options, list(kw["collectors"]) or None, only_paths
        )
    from gonogo.evaluator.snapshot import snapshot_file_bytes

    text = snapshot_file_bytes(snapshot).decode()
    if sign_key is not None and output is not None:
        from gonogo.trust.envelope import load_signer
        from gonogo.trust.snapshot_signature import sign_snapshot, signature_path

        envelope = sign_snapshot(text.encode(), snapshot, load_signer(sign_key))
        write_output(text, output)
        write_output(json.dumps(envelope, indent=2) + "\n", signature_path(output))
        return
    write_output(text, output)
