"""The catalog-facing commands: catalog, explain, bundle, collectors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import click

from gonogo.cli import _collector_args, _engine, _write, cli, collector_options, engine_options
from gonogo.errors import GonogoError, OpaError


@cli.command()
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
)
@click.option("--opa-bin", type=click.Path(dir_okay=False), envvar="GONOGO_OPA", help="OPA binary.")
def catalog(fmt: str, opa_bin: str | None) -> None:
    """List the checklist items gonogo decides, from the Rego METADATA (read by OPA)."""
    from gonogo.evaluator.catalog import load_catalog
    from gonogo.paths import policies_dir

    items = load_catalog(policies_dir(), opa_bin)
    if fmt == "json":
        click.echo(json.dumps([item.as_dict() for item in items], indent=2))
    elif fmt == "markdown":
        click.echo("| ID | Item | Severity | Criteria | Evidence |\n|---|---|---|---|---|")
        for item in items:
            click.echo(
                f"| {item.id} | {item.title} | {item.severity} | {len(item.criteria)} | "
                f"{', '.join(item.evidence)} |"
            )
    else:
        for item in items:
            click.echo(f"{item.id:<7} {item.severity:<8} {item.title}")
        click.echo(f"{len(items)} items")


@cli.command()
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
    from gonogo.paths import policies_dir

    items = {item.id: item for item in load_catalog(policies_dir(), kw.get("opa_bin"))}
    if item_id not in items:
        raise GonogoError(f"no item {item_id!r}; `gonogo catalog` lists the IDs")
    item = items[item_id]
    click.echo(f"{item.id}  {item.title}")
    click.echo(f"section:     {item.section}")
    click.echo(f"severity:    {item.severity}")
    click.echo(f"rule:        {item.package}  ({item.file}:{item.row})")
    click.echo(f"evidence:    {', '.join(item.evidence)}")
    click.echo(f"description: {item.description}")
    click.echo(f"remediation: {item.remediation}")
    click.echo("criteria:")
    for text in item.criteria:
        click.echo(f"  - {text}")
    if path is None and snapshot is None:
        return
    options = _collector_args(kw)
    if snapshot is not None:
        document, config = load_snapshot(snapshot), load_config(kw.get("config_path"))
    else:
        document, config = api.collect(
            path, kw.get("config_path"), options, list(kw.get("collectors") or []) or None
        )
    report = api.evaluate(document, config, _engine(kw))
    entry = next(e for e in report["items"] if e["id"] == item_id)
    click.echo(f"verdict:     {entry['verdict']}")
    for criterion in entry["criteria"]:
        click.echo(f"  [{criterion['verdict']}] {criterion['text']}: {criterion['message']}")
        for ref in criterion.get("evidence", []):
            click.echo(f"      evidence: {ref}")


@cli.command()
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
    from gonogo.evaluator.opa_binary import check_opa, find_opa
    from gonogo.evaluator.policy_files import policy_digest
    from gonogo.paths import policies_dir

    binary = check_opa(find_opa(opa_bin))
    policies = policies_dir()
    digest = policy_digest(policies)
    proc = subprocess.run(
        [binary.path, "build", "--bundle", str(policies), "--revision", digest, "--ignore", "*_test.rego",
         "--output", str(output)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        raise OpaError(f"opa build failed: {proc.stderr.strip()[:2000]}")
    click.echo(f"{output} (revision {digest})")


@cli.command(name="collectors")
def list_collectors() -> None:
    """List the collectors and the snapshot paths each one fills."""
    from gonogo.collectors import registry

    for name in registry.available():
        try:
            collector = registry.load(name)
            click.echo(f"{name:<12} {collector.version:<8} {', '.join(collector.provides)}")
        except Exception as exc:  # a broken plug-in is listed, not fatal
            click.echo(f"{name:<12} unavailable: {exc.__class__.__name__}: {exc}")


__all__ = ["_write"]
