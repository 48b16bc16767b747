"""`gonogo sign-off REPORT.json --role ROLE --key KEY`: sign the report you read (docs/trust.md).

The sign-off is an attestation covering `sign-off` whose predicate binds the report's evidence
digest, the decision the signer saw and the items that failed in it. It counts (10.2.x, the
Deployment Approval table) only while an evaluation has the same evidence digest.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from gonogo.commands.attest import DEFAULT_DIR, _ask, _duration
from gonogo.errors import GonogoError


def _report(path: Path) -> dict[str, Any]:
    try:
        report = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        raise click.ClickException(f"{path}: not a readable JSON report") from None
    if not isinstance(report, dict) or report.get("kind") != "Report":
        raise click.ClickException(f"{path}: not a gonogo JSON report (gonogo check -o json=PATH)")
    digest = (report.get("provenance") or {}).get("evidence_digest")
    if not isinstance(digest, str) or report.get("decision") not in ("APPROVED", "NEEDS_WORK"):
        raise click.ClickException(f"{path}: the report has no evidence digest or decision to sign")
    return report


def signed_report(report: dict[str, Any]) -> dict[str, Any]:
    """What a sign-off binds: the evidence digest, the decision and the failing items."""
    failing = sorted(
        e["id"] for e in report.get("items", []) if isinstance(e, dict) and e.get("verdict") == "fail"
    )
    return {
        "evidence_digest": report["provenance"]["evidence_digest"],
        "decision": report["decision"],
        "failing": failing,
    }


@click.command(name="sign-off")
@click.argument("report_path", metavar="REPORT.json", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--role", help="The role you sign off in, such as 'Engineering Lead'.")
@click.option(
    "--key",
    "key_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Private key: PEM (Ed25519/P-256) or OpenSSH.",
)
@click.option("--statement", "text", help="What you sign off (default: names the report).")
@click.option("--expires", default="30d", show_default=True, help="Validity: 30d, 12h.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Envelope file (default: .gonogo/attestations/sign-off-<role>-<time>.dsse.json).",
)
def sign_off(
    report_path: Path,
    role: str | None,
    key_path: Path | None,
    text: str | None,
    expires: str,
    output: Path | None,
) -> None:
    """Sign off REPORT.json (from `gonogo check -o json=REPORT.json`) in your ROLE.

    Read the report first: the sign-off records its evidence digest, decision and failing
    items, and counts only while gonogo evaluates that same evidence."""
    from gonogo.trust.envelope import load_signer, sign
    from gonogo.trust.statement import build_statement, evidence_subject
    from gonogo.trust.verify import now_utc

    report = _report(report_path)
    bound = signed_report(report)
    role = _ask(role, "Role")
    key = Path(_ask(str(key_path) if key_path else None, "Private key file"))
    service = (report.get("context") or {}).get("service") or "the service"
    text = text or f"Signed off the gonogo report of {service}: decision {bound['decision']}"
    issued = now_utc().replace(microsecond=0)
    try:
        statement = build_statement(
            covers=["sign-off"],
            role=role,
            text=text,
            issued=issued,
            expires=issued + _duration(expires),
            subject=evidence_subject(bound["evidence_digest"]),
            report=bound,
        )
        envelope = sign(statement, load_signer(key))
    except GonogoError as error:
        raise click.ClickException(str(error)) from None
    if output is None:
        slug = "".join(ch if ch.isalnum() else "-" for ch in role.lower()).strip("-")
        output = DEFAULT_DIR / f"sign-off-{slug}-{issued.strftime('%Y%m%dT%H%M%SZ')}.dsse.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(envelope, indent=2) + "\n", "utf-8")
    click.echo(f"wrote {output} (evidence {bound['evidence_digest'][:19]}, decision {bound['decision']})")
