"""`gonogo verify REPORT SNAPSHOT`: replay a recorded decision; exit 0 if it reproduces, 1 if not."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command()
@click.argument("report", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("snapshot", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--config",
    "-c",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="gonogo.yaml used for the decision (default: the one the report names, if it is there).",
)
@click.option("--opa-bin", type=click.Path(dir_okay=False), envvar="GONOGO_OPA", help="OPA binary.")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds for OPA.")
def verify(
    report: Path, snapshot: Path, config_path: Path | None, opa_bin: str | None, timeout: float
) -> None:
    """Re-evaluate SNAPSHOT as REPORT (a `-f json` report) was, and confirm the same decision and
    verdicts or list each difference (decision, score, item and criterion verdicts, digests).

    Exit 0: reproduced. Exit 1: something differs. Exit 2: an error."""
    from gonogo.evaluator.engine import EngineOptions
    from gonogo.verify import replay

    result = replay(report, snapshot, config_path, EngineOptions(opa_bin=opa_bin, timeout=timeout))
    if not result.differences:
        provenance = result.recorded["provenance"]
        click.echo(
            f"verified: {result.recorded['decision']}, score {result.recorded['summary']['score']}, "
            f"{len(result.recorded['items'])} item verdicts reproduced "
            f"(snapshot {provenance['snapshot_sha256']}, policies {provenance['policy_digest']})"
        )
        sys.exit(0)
    click.echo(f"not reproduced: {len(result.differences)} difference(s)")
    for line in result.differences:
        click.echo(f"  {line}")
    sys.exit(1)
