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
@click.option(
    "--policies",
    "team_policies",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A team's own checklist items (Rego folder) to document beside the seed's (repeatable).",
)
@click.option("--opa-bin", type=click.Path(dir_okay=False), envvar="GONOGO_OPA", help="OPA binary.")
def docs(output: Path, seed: Path | None, team_policies: tuple[Path, ...], opa_bin: str | None) -> None:
    """Write a static docs site: an index by section, one page per item (criteria, thresholds,
    evidence and collectors, remediation, the Rego source, its tests in words) and a search box."""
    from gonogo.site import build_site
    from gonogo.team_policies import policy_tree

    count = build_site(output, policy_tree(team_policies, opa_bin), opa_bin, seed)
    click.echo(f"{output / 'index.html'} ({count} item pages)")
