"""`gonogo bundle`: an OPA bundle of the policies, revision = their digest."""

from __future__ import annotations

import subprocess
from pathlib import Path

import click

from gonogo.errors import OpaError


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
