"""Snapshots that say where they came from (docs/trust.md).

`gonogo collect --sign KEY -o snapshot.json` writes `snapshot.json.dsse.json` beside it: a DSSE
envelope of an in-toto statement whose subject is the sha256 of the snapshot file's exact bytes
and whose predicate names the collector versions and the commit. `gonogo evaluate` verifies it
against the trust configuration and records the snapshot's origin in the report: collected in
the same run, supplied signed (by whom) or supplied unsigned; `--require-signed-snapshot` refuses
anything but a valid signature.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gonogo.errors import GonogoError
from gonogo.trust.origin import Origin
from gonogo.trust.statement import PAYLOAD_TYPE, STATEMENT_TYPE

if TYPE_CHECKING:  # securesystemslib and the crypto load only where a signature is made or read
    from securesystemslib.dsse import Envelope
    from securesystemslib.signer import CryptoSigner

    from gonogo.trust.trust_config import Identity

SNAPSHOT_PREDICATE = "https://gonogo.dev/snapshot/v1"
SUFFIX = ".dsse.json"


class SnapshotSignatureError(GonogoError):
    """A snapshot signature is missing, unreadable or does not verify."""


def signature_path(snapshot: Path) -> Path:
    return snapshot.with_name(snapshot.name + SUFFIX)


def sign_snapshot(data: bytes, snapshot: dict[str, Any], signer: CryptoSigner) -> dict[str, Any]:
    statement = {
        "_type": STATEMENT_TYPE,
        "subject": [{"name": "snapshot", "digest": {"sha256": hashlib.sha256(data).hexdigest()}}],
        "predicateType": SNAPSHOT_PREDICATE,
        "predicate": {
            "created_at": (snapshot.get("metadata") or {}).get("created_at"),
            "gonogo_version": (snapshot.get("metadata") or {}).get("gonogo_version"),
            "commit": (snapshot.get("attestations") or {}).get("commit"),
            "collectors": {
                name: run.get("version") for name, run in (snapshot.get("collectors") or {}).items()
            },
        },
    }
    from gonogo.trust.envelope import sign

    return sign(statement, signer)


def _problem(data: bytes, envelope: Envelope, identities: list[Identity]) -> tuple[str, str | None]:
    from securesystemslib.exceptions import VerificationError

    keyids = {signature.keyid for signature in envelope.signatures.values()}
    for identity in (i for i in identities if i.key.keyid in keyids):
        try:
            envelope.verify([identity.key], 1)
        except VerificationError:
            return "the signature does not verify", identity.name
        try:
            statement = json.loads(envelope.payload)
        except ValueError:
            return "the signed payload is not JSON", identity.name
        subject = (statement.get("subject") or [{}])[0] if isinstance(statement, dict) else {}
        if statement.get("predicateType") != SNAPSHOT_PREDICATE:
            return "the signature is not a gonogo snapshot signature", identity.name
        if (subject.get("digest") or {}).get("sha256") != hashlib.sha256(data).hexdigest():
            return "the snapshot was changed after it was signed", identity.name
        return "", identity.name
    return "the signature is by no key in the trust configuration", None


def snapshot_origin(
    snapshot: Path, data: bytes, signature: Path | None, identities: list[Identity]
) -> Origin:
    """signed (and by whom) when the signature verifies over these exact bytes; else unsigned,
    with the reason when a signature was there but does not hold."""
    path = signature or signature_path(snapshot)
    if not path.is_file():
        if signature is not None:
            raise SnapshotSignatureError(f"{path}: snapshot signature not found")
        return Origin("unsigned", reason="no signature beside the snapshot")
    from securesystemslib.dsse import Envelope
    from securesystemslib.exceptions import FormatError

    try:
        raw = json.loads(path.read_text("utf-8"))
        envelope = Envelope.from_dict(copy.deepcopy(raw))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, FormatError):
        return Origin("unsigned", reason=f"{path.name} is not a DSSE envelope")
    if envelope.payload_type != PAYLOAD_TYPE:
        return Origin("unsigned", reason=f"{path.name} is not a DSSE envelope of an in-toto statement")
    problem, signer = _problem(data, envelope, identities)
    return Origin("unsigned", signer, problem) if problem else Origin("signed", signer)
