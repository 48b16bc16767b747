"""`gonogo new item ID --section ...`: scaffold a team's checklist item with its test and sample."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def new() -> None:
    """Scaffold policy files (as `regal new rule` does)."""


@new.command("item")
@click.argument("item_id")
@click.option("--section", required=True, help='"<section.subsection> <title>", e.g. "11.1 Freshness".')
@click.option("--title", default=None, help="The item's title (default: Item <ID>).")
@click.option("--team", default="team", show_default=True, help="Namespace: gonogo.items.<team>....")
@click.option(
    "--severity",
    type=click.Choice(["critical", "high", "medium", "low"]),
    default="medium",
    show_default=True,
)
@click.option("--criterion", default="Criterion met", show_default=True, help="The item's one criterion.")
@click.option(
    "--section-title",
    default=None,
    help='The top-level section\'s title in every report, e.g. "Data Pipeline Readiness".',
)
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
def item(
    item_id: str,
    section: str,
    title: str | None,
    team: str,
    severity: str,
    criterion: str,
    section_title: str | None,
    output: Path,
) -> None:
    """Write the item's Rego, its test and a sample input into OUTPUT (never overwriting)."""
    from gonogo.scaffold import NewItem, scaffold_item

    name = title or f"Item {item_id}"
    spec = NewItem(item_id, section, name, team, severity, criterion, section_title or "")
    for path in scaffold_item(spec, output):
        click.echo(f"wrote {path}")
    click.echo(f"run its tests: gonogo test {output}")
