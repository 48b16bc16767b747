"""`gonogo docs -o DIR`: a static site of the checklist (no server, no network)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option(
    "--output",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Folder to write the site into.",
)
@click.option(
    "--seed",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The checklist's own wording (TSV: id, subsection, title, criteria) to show on each page.",
)
@click.option("--opa-bin", type=click.Path(dir_okay=False), envvar="GONOGO_OPA", help="OPA binary.")
def docs(output: Path, seed: Path | None, opa_bin: str | None) -> None:
    """Write a static docs site: an index by section, one page per item (criteria, thresholds,
    evidence and collectors, remediation, the Rego source, its tests in words) and a search box."""
    from gonogo.paths import policies_dir
    from gonogo.site import build_site

    count = build_site(output, policies_dir(), opa_bin, seed)
    click.echo(f"{output / 'index.html'} ({count} item pages)")
