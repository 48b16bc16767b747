"""An attestation's status: verified | bad_signature | unknown_key | wrong_role | expired |
stale | malformed. Reasons name what failed, never a key, a value or a statement."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from securesystemslib.dsse import Envelope
from securesystemslib.exceptions import VerificationError

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
    try:
        envelope = Envelope.from_dict(data)  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return envelope if envelope.payload_type == PAYLOAD_TYPE else None


def _subject_digests(statement: dict[str, Any], algorithm: str) -> set[str]:
    found: set[str] = set()
    for subject in statement["subject"]:
        digest = subject.get("digest") if isinstance(subject, dict) else None
        if isinstance(digest, dict) and isinstance(digest.get(algorithm), str):
            found.add(digest[algorithm])
    return found


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
    commits = _subject_digests(statement, "gitCommit")
    if commit and commits and commit not in commits:
        return Verification("stale", "attested for another commit", signer.name, statement)
    image_digests = _subject_digests(statement, "sha256")
    wanted = {image.rpartition(":")[2] for image in images}
    if wanted and image_digests and not wanted <= image_digests:
        return Verification("stale", "attested for other images", signer.name, statement)
    return Verification("verified", "signature, role, expiry and subject hold", signer.name, statement)


def now_utc() -> datetime:
    return datetime.now(UTC)
