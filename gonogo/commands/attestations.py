"""`gonogo attestations [DIR]`: each attestation found, with its status (docs/trust.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from gonogo.errors import GonogoError

if TYPE_CHECKING:
    from gonogo.trust.verify import Verification


def _read(path: Path) -> object:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _row(path: Path, result: Verification) -> dict[str, Any]:
    predicate = result.statement.get("predicate", {})
    return {
        "file": str(path),
        "status": result.status,
        "reason": result.reason,
        "signer": result.signer,
        "covers": predicate.get("covers", []),
        "role": predicate.get("role"),
        "expires": predicate.get("expires"),
    }


@click.command(name="attestations")
@click.argument("directory", default=".gonogo/attestations", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--config",
    "config",
    default="gonogo.yaml",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File with `trust:`.",
)
@click.option("--commit", help="The commit judged; attestations for another one are stale.")
@click.option("--image", "images", multiple=True, help="Image digest deployed (sha256:HEX).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def attestations(
    directory: Path, config: Path, commit: str | None, images: tuple[str, ...], fmt: str
) -> None:
    """List the attestations in DIRECTORY (*.dsse.json), each with its status."""
    # imported here so `gonogo --help` loads neither jsonschema, yaml nor the crypto libraries
    from gonogo.trust.trust_config import load_trust_file
    from gonogo.trust.verify import verify_attestation

    try:
        identities = load_trust_file(config) if config.is_file() else []
    except GonogoError as error:
        raise click.ClickException(str(error)) from None
    rows = [
        _row(path, verify_attestation(_read(path), identities, commit=commit, images=images))
        for path in sorted(directory.glob("*.dsse.json"))
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo(f"no attestations in {directory}")
    for row in rows:
        covers = ",".join(row["covers"]) or "-"
        click.echo(f"{row['status']:<14} {covers:<16} {row['signer'] or '-':<24} {row['file']}")
        if row["status"] != "verified":
            click.echo(f"{'':<14} {row['reason']}")
