"""`gonogo bundle`: an OPA bundle of the policies, revision = their digest."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("bundle.tar.gz"),
    show_default=True,
)
@click.option("--opa-bin", type=click.Path(dir_okay=False), envvar="GONOGO_OPA", help="OPA binary.")
def bundle(output: Path, opa_bin: str | None) -> None:
    """Build an OPA bundle of the policies whose revision is their digest (for --remote-policies verify)."""
    from gonogo.bundle import build_bundle  # reproducible: relative module paths, no timestamps
    from gonogo.paths import policies_dir

    digest = build_bundle(policies_dir(), output, opa_bin)
    click.echo(f"{output} (revision {digest})")
