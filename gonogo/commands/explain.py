"""`gonogo explain ID`: an item's METADATA, rule and (optionally) the evidence behind its verdict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from gonogo.errors import GonogoError
from gonogo.options import (
    CollectorFlagsCommand,
    collector_args,
    collector_options,
    engine_from,
    engine_options,
)


@click.command(cls=CollectorFlagsCommand)
@click.argument("item_id")
@click.option(
    "--path",
    "path",
    type=click.Path(exists=True, path_type=Path),
    help="Collect from this folder and show the evidence behind the item's verdict.",
)
@click.option(
    "--snapshot",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Show the verdict for this snapshot instead.",
)
@collector_options
@engine_options
def explain(item_id: str, path: Path | None, snapshot: Path | None, **kw: Any) -> None:
    """Show an item's METADATA, its Rego source and (with --path/--snapshot) the evidence behind it."""
    from gonogo import api
    from gonogo.config import load_config
    from gonogo.evaluator.catalog import load_catalog
    from gonogo.evaluator.snapshot import load_snapshot
    from gonogo.team_policies import policy_tree

    policies = policy_tree(map(Path, kw.get("team_policies") or ()), kw.get("opa_bin"))  # --policies
    items = {item.id: item for item in load_catalog(policies, kw.get("opa_bin"))}
    if item_id not in items:
        raise GonogoError(f"no item {item_id!r}; `gonogo catalog` lists the IDs")
    item = items[item_id]
    click.echo(f"{item.id}  {item.title}")
    click.echo(f"section:     {item.section}")
    click.echo(f"severity:    {item.severity}")
    click.echo(f"rule:        {item.package}  ({item.file}:{item.row})")
    click.echo(f"evidence:    {', '.join(item.evidence)}")
    for line in _trust_lines(item.trust):
        click.echo(line)
    click.echo(f"description: {item.description}")
    click.echo(f"remediation: {item.remediation}")
    click.echo("criteria:")
    for text in item.criteria:
        click.echo(f"  - {text}")
    from gonogo.site.model import item_details, load_collectors  # source, tests, collectors
    from gonogo.site.text import explain_lines

    for line in explain_lines(item_details(policies, item, load_collectors())):
        click.echo(line)
    if path is None and snapshot is None:
        return
    options = collector_args(kw)
    if snapshot is not None:
        document, config = load_snapshot(snapshot), load_config(kw.get("config_path"))
    else:
        document, config = api.collect(
            path, kw.get("config_path"), options, list(kw.get("collectors") or []) or None
        )
    report = api.evaluate(document, config, engine_from(kw))
    entry = next(e for e in report["items"] if e["id"] == item_id)
    click.echo(f"verdict:     {entry['verdict']}")
    for criterion in entry["criteria"]:
        click.echo(f"  [{criterion['verdict']}] {criterion['text']}: {criterion['message']}")
        for ref in criterion.get("evidence", []):
            click.echo(f"      evidence: {ref}")


def _trust_lines(trust: dict[str, Any]) -> list[str]:
    """Who must sign what for this item (docs/trust.md)."""
    lines = [
        f"attested by: {role} ({criterion})" for criterion, role in (trust.get("attested_by") or {}).items()
    ]
    if trust.get("commit_independent"):
        lines.append("attestations: any commit (not tied to the code)")
    if trust.get("context_role"):
        lines.append(f"context flag: attested by the {trust['context_role']}")
    signoff = trust.get("signoff") or {}
    if signoff.get("role"):
        sections = ", ".join(signoff.get("blocking_sections") or []) or "none"
        lines.append(
            f"sign-off:    {signoff['role']} (does not hold over failing items in sections {sections})"
        )
    return lines
