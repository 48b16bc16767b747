"""`gonogo catalog`: the checklist items, from the Rego METADATA."""

from __future__ import annotations

import json

import click


@click.command()
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "json", "markdown", "evidence"]),
    default="table",
    show_default=True,
)
@click.option("--opa-bin", type=click.Path(dir_okay=False), envvar="GONOGO_OPA", help="OPA binary.")
def catalog(fmt: str, opa_bin: str | None) -> None:
    """List the checklist items gonogo decides, from the Rego METADATA (read by OPA).

    `-f evidence` prints docs/evidence.md: each item's snapshot paths, the collectors that fill
    them and the roles whose signatures decide it."""
    from gonogo.evaluator.catalog import load_catalog
    from gonogo.paths import policies_dir

    items = load_catalog(policies_dir(), opa_bin)
    if fmt == "json":
        click.echo(json.dumps([item.as_dict() for item in items], indent=2))
    elif fmt == "evidence":
        from gonogo.site.evidence import collector_provides, evidence_markdown

        click.echo(evidence_markdown(items, collector_provides()), nl=False)
    elif fmt == "markdown":
        from gonogo.site.text import catalog_markdown  # each item's criteria, not a count

        click.echo(catalog_markdown(items))
    else:
        for item in items:
            click.echo(f"{item.id:<7} {item.severity:<8} {item.title}")
        click.echo(f"{len(items)} items")
