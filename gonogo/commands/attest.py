"""`gonogo attest ITEM|CRITERION ...`: write and sign one attestation (docs/trust.md)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import click

from gonogo.errors import GonogoError

DEFAULT_DIR = Path(".gonogo/attestations")


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def _duration(text: str) -> timedelta:
    match = re.fullmatch(r"(\d+)([dh])", text)
    if not match:
        raise click.BadParameter("use a number of days or hours, such as 90d or 12h")
    amount = int(match.group(1))
    return timedelta(days=amount) if match.group(2) == "d" else timedelta(hours=amount)


def _values(pairs: tuple[str, ...]) -> dict[str, float]:
    values: dict[str, float] = {}
    for pair in pairs:
        name, sep, number = pair.partition("=")
        try:
            values[name] = float(number)
        except ValueError:
            raise click.BadParameter("--value takes NAME=NUMBER") from None
        if not sep:
            raise click.BadParameter("--value takes NAME=NUMBER")
    return values


def _ask(value: str | None, prompt: str) -> str:
    if value:
        return value
    if not sys.stdin.isatty():
        raise click.UsageError(f"missing {prompt} (give it as a flag; stdin is not a terminal)")
    answer: str = click.prompt(prompt)
    return answer


@click.command(name="attest")
@click.argument("covers", nargs=-1)
@click.option(
    "--key",
    "key_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Private key: PEM (Ed25519/P-256) or OpenSSH.",
)
@click.option("--role", help="The role you attest in, such as 'Security Lead'.")
@click.option("--statement", "text", help="What you attest.")
@click.option("--value", "values", multiple=True, help="A measured value NAME=NUMBER.")
@click.option("--evidence", multiple=True, help="A URL or a repository path (hashed).")
@click.option("--commit", help="Commit attested (default: git rev-parse HEAD).")
@click.option(
    "--no-commit",
    is_flag=True,
    help="Bind the attestation to the --image digests only, not to a commit (it holds for any commit "
    "deploying them).",
)
@click.option("--repo", help="Repository name in the subject (default: origin URL).")
@click.option("--image", "images", multiple=True, help="Image digest [name@]sha256:HEX.")
@click.option("--expires", default="90d", show_default=True, help="Validity: 90d, 12h.")
@click.option("--waiver-reason", help="Make this a waiver of the ITEMs: why (needs --ticket).")
@click.option("--ticket", help="The waiver's tracking ticket.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Envelope file (default: .gonogo/attestations/<first>-<time>.dsse.json).",
)
def attest(
    covers: tuple[str, ...],
    key_path: Path | None,
    role: str | None,
    text: str | None,
    values: tuple[str, ...],
    evidence: tuple[str, ...],
    commit: str | None,
    no_commit: bool,
    repo: str | None,
    images: tuple[str, ...],
    expires: str,
    waiver_reason: str | None,
    ticket: str | None,
    output: Path | None,
) -> None:
    """Sign an attestation for ITEM or CRITERION IDs (an in-toto statement in DSSE).

    COVERS are item IDs (6.2.3), criterion IDs (6.2.3#1, 1-based in the item's METADATA
    criteria) or context flags (context.serves_eu_users=false). With --waiver-reason and
    --ticket the attestation is a waiver of the items it covers."""
    if bool(waiver_reason) != bool(ticket):
        raise click.UsageError("a waiver needs both --waiver-reason and --ticket")
    # imported here so `gonogo --help` loads neither jsonschema, yaml nor the crypto libraries
    from gonogo.trust.envelope import load_signer, sign
    from gonogo.trust.statement import build_statement, evidence_entry, subjects
    from gonogo.trust.verify import now_utc

    items = list(covers) or _ask(None, "Items or criteria (space separated)").split()
    key = Path(_ask(str(key_path) if key_path else None, "Private key file"))
    role = _ask(role, "Role")
    text = _ask(text, "Statement")
    if no_commit and not images:
        raise click.UsageError("--no-commit needs --image: an attestation must name what it is for")
    commit = None if no_commit else commit or _git("rev-parse", "HEAD")
    repo = repo or _git("config", "--get", "remote.origin.url") or Path.cwd().name
    issued = now_utc().replace(microsecond=0)
    try:
        root = Path(_git("rev-parse", "--show-toplevel") or ".")
        statement = build_statement(
            covers=items,
            role=role,
            text=text,
            issued=issued,
            expires=issued + _duration(expires),
            subject=subjects(repo, commit, images),
            values=_values(values),
            evidence=[evidence_entry(reference, root) for reference in evidence],
            waiver={"reason": waiver_reason, "ticket": ticket} if waiver_reason and ticket else None,
        )
        envelope = sign(statement, load_signer(key))
    except GonogoError as error:
        raise click.ClickException(str(error)) from None
    if output is None:
        stamp = issued.strftime("%Y%m%dT%H%M%SZ")
        output = DEFAULT_DIR / f"{items[0]}-{stamp}.dsse.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(envelope, indent=2) + "\n", "utf-8")
    click.echo(f"wrote {output}")
