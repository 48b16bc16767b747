"""The in-toto Statement v1 gonogo signs: subject = commit and/or image digests, our predicate."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from gonogo.errors import GonogoError

STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PREDICATE_TYPE = "https://gonogo.dev/attestation/v1"
PAYLOAD_TYPE = "application/vnd.in-toto+json"


class StatementError(GonogoError):
    """A statement or predicate does not have gonogo's shape."""


def predicate_schema() -> dict[str, Any]:
    text = resources.files("gonogo.trust").joinpath("predicate.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_predicate(predicate: object) -> None:
    """Raise StatementError naming the failing field path (never its value)."""
    import jsonschema  # only where a predicate is checked: 30 ms of every `evaluate` otherwise

    validator = jsonschema.Draft202012Validator(predicate_schema(), format_checker=jsonschema.FormatChecker())
    error = next(iter(validator.iter_errors(predicate)), None)
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(predicate)"
        raise StatementError(f"predicate does not match its schema at {where} ({error.validator})")


def evidence_entry(reference: str, root: Path) -> dict[str, str]:
    """A URL as is; a repository path with the sha256 of its bytes."""
    if reference.startswith(("https://", "http://")):
        return {"url": reference}
    path = root / reference
    if not path.is_file():
        raise StatementError("an evidence path is not a readable file")
    return {"path": reference, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def evidence_subject(evidence_digest: str) -> list[dict[str, Any]]:
    """The subject of a sign-off: the evidence digest of the report signed."""
    algorithm, _, value = evidence_digest.partition(":")
    if algorithm != "sha256" or len(value) != 64:
        raise StatementError("the report has no sha256 evidence digest")
    return [{"name": "gonogo-evidence", "digest": {"sha256": value}}]


def subjects(repo: str | None, commit: str | None, images: tuple[str, ...]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if commit:
        found.append({"name": f"git+{repo or 'repository'}", "digest": {"gitCommit": commit}})
    for image in images:
        name, _, digest = image.rpartition("@")
        algorithm, _, value = digest.partition(":")
        if algorithm != "sha256" or len(value) != 64:
            raise StatementError("an image must be given as [name@]sha256:<64 hex digits>")
        found.append({"name": name or "image", "digest": {"sha256": value}})
    return found


def build_statement(
    *,
    covers: list[str],
    role: str,
    text: str,
    issued: datetime,
    expires: datetime,
    subject: list[dict[str, Any]],
    values: dict[str, float] | None = None,
    evidence: list[dict[str, str]] | None = None,
    waiver: dict[str, str] | None = None,
    report: dict[str, Any] | None = None,
) -> dict[str, Any]:
    predicate: dict[str, Any] = {
        "covers": covers,
        "role": role,
        "statement": text,
        "issued": issued.isoformat(),
        "expires": expires.isoformat(),
    }
    if values:
        predicate["values"] = values
    if evidence:
        predicate["evidence"] = evidence
    if waiver:
        predicate["waiver"] = waiver
    if report:
        predicate["report"] = report
    validate_predicate(predicate)
    if not subject:
        raise StatementError("an attestation needs a subject: a commit and/or an image digest")
    return {
        "_type": STATEMENT_TYPE,
        "subject": subject,
        "predicateType": PREDICATE_TYPE,
        "predicate": predicate,
    }


def parse_statement(payload: bytes) -> dict[str, Any]:
    """The statement in a verified payload, checked for shape; raises StatementError."""
    try:
        statement = json.loads(payload)
    except (ValueError, UnicodeDecodeError) as error:
        raise StatementError("the payload is not JSON") from error
    if not isinstance(statement, dict) or statement.get("_type") != STATEMENT_TYPE:
        raise StatementError("the payload is not an in-toto Statement v1")
    if statement.get("predicateType") != PREDICATE_TYPE:
        raise StatementError("the statement's predicateType is not gonogo's")
    if not isinstance(statement.get("subject"), list) or not statement["subject"]:
        raise StatementError("the statement has no subject")
    validate_predicate(statement.get("predicate"))
    return statement
