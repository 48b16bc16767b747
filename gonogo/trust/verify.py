"""An attestation's status: verified | bad_signature | unknown_key | wrong_role | expired |
stale | malformed. Reasons name what failed, never a key, a value or a statement."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from securesystemslib.dsse import Envelope
from securesystemslib.exceptions import FormatError, VerificationError

from gonogo.trust.statement import PAYLOAD_TYPE, StatementError, parse_statement
from gonogo.trust.trust_config import Identity

Status = Literal["verified", "bad_signature", "unknown_key", "wrong_role", "expired", "stale", "malformed"]


@dataclass(frozen=True)
class Verification:
    status: Status
    reason: str
    signer: str | None = None
    statement: dict[str, Any] = field(default_factory=dict)


def _envelope(data: object) -> Envelope | None:
    try:  # from_dict rewrites the signatures it is given in place: hand it a copy
        envelope = Envelope.from_dict(copy.deepcopy(data))  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError, AttributeError, FormatError):
        return None
    return envelope if envelope.payload_type == PAYLOAD_TYPE else None


def _subject_digests(statement: dict[str, Any], algorithm: str) -> set[str]:
    found: set[str] = set()
    for subject in statement["subject"]:
        digest = subject.get("digest") if isinstance(subject, dict) else None
        if isinstance(digest, dict) and isinstance(digest.get(algorithm), str):
            found.add(digest[algorithm])
    return found


def _stale_reason(statement: dict[str, Any], commit: str | None, images: tuple[str, ...]) -> str:
    """Why the subject is not what is judged ('' when it is). Each kind judged (commit, images)
    that the statement names must match; a statement naming neither judged kind is stale."""
    commits = _subject_digests(statement, "gitCommit")
    digests = _subject_digests(statement, "sha256")
    wanted = {image.rpartition(":")[2] for image in images}
    if commit and commits and commit not in commits:
        return "attested for another commit"
    if wanted and digests and not wanted <= digests:
        return "attested for other images"
    if (commit or wanted) and not (commit and commits) and not (wanted and digests):
        return "the subject names nothing that is judged"
    return ""


def verify_attestation(
    data: object,
    identities: list[Identity],
    *,
    commit: str | None = None,
    images: tuple[str, ...] = (),
    now: datetime | None = None,
) -> Verification:
    envelope = _envelope(data)
    if envelope is None:
        return Verification("malformed", "not a DSSE envelope of an in-toto statement")
    keyids = {signature.keyid for signature in envelope.signatures.values()}
    known = [identity for identity in identities if identity.key.keyid in keyids]
    if not known:
        return Verification("unknown_key", "no signature is by a key in the trust configuration")
    signer: Identity | None = None
    for identity in known:
        try:
            envelope.verify([identity.key], 1)
        except VerificationError:
            continue
        signer = identity
        break
    if signer is None:
        return Verification("bad_signature", "the signature does not verify with its key")
    try:
        statement = parse_statement(envelope.payload)
    except StatementError as error:
        return Verification("malformed", str(error), signer.name)
    predicate = statement["predicate"]
    if predicate["role"] not in signer.roles:
        return Verification(
            "wrong_role", "the signer does not hold the role attested in", signer.name, statement
        )
    moment = now or datetime.now(UTC)
    expires = datetime.fromisoformat(predicate["expires"])
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=UTC)
    if expires <= moment:
        return Verification("expired", "the attestation has expired", signer.name, statement)
    # a sign-off is bound by the evidence digest of the report it signed (policies/lib/signoff.rego)
    stale = "" if predicate.get("report") else _stale_reason(statement, commit, images)
    if stale:
        return Verification("stale", stale, signer.name, statement)
    return Verification("verified", "signature, role, expiry and subject hold", signer.name, statement)


def now_utc() -> datetime:
    return datetime.now(UTC)
