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
@click.option(
    "--signing-key",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Private key (PEM) to sign the bundle with (as `opa sign`); servers verify it with the public key.",
)
@click.option(
    "--signing-alg",
    default="RS256",
    show_default=True,
    type=click.Choice(["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"]),
    help="JWT algorithm of --signing-key.",
)
@click.option(
    "--policies",
    "team_policies",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A team's own checklist items (Rego folder) to bundle beside the seed's (repeatable).",
)
def bundle(
    output: Path,
    opa_bin: str | None,
    signing_key: Path | None,
    signing_alg: str,
    team_policies: tuple[Path, ...],
) -> None:
    """Build an OPA bundle of the policies whose revision is their digest (for --remote-policies verify)."""
    from gonogo.bundle import build_bundle  # reproducible: relative module paths, no timestamps
    from gonogo.team_policies import policy_tree

    policies = policy_tree(team_policies, opa_bin)
    digest = build_bundle(policies, output, opa_bin, signing_key=signing_key, signing_alg=signing_alg)
    signed = ", signed" if signing_key else ""
    click.echo(f"{output} (revision {digest}{signed})")
