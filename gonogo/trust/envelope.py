"""DSSE envelopes signed and verified by securesystemslib; keys loaded by cryptography.

Ed25519 and ECDSA P-256 keys in PEM, or a person's OpenSSH key (ed25519, ecdsa-sha2-nistp256):
cryptography loads either into the same key objects, which securesystemslib signs with.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from securesystemslib.dsse import Envelope
from securesystemslib.signer import CryptoSigner, Key, SSlibKey

from gonogo.errors import GonogoError
from gonogo.trust.statement import PAYLOAD_TYPE


class TrustKeyError(GonogoError):
    """A key cannot be loaded or is of a type gonogo does not accept."""


def _check_type(key: object) -> None:
    if isinstance(key, ed25519.Ed25519PrivateKey | ed25519.Ed25519PublicKey):
        return
    if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey) and isinstance(
        key.curve, ec.SECP256R1
    ):
        return
    raise TrustKeyError("only Ed25519 and ECDSA P-256 keys are accepted")


def load_signer(path: Path, password: bytes | None = None) -> CryptoSigner:
    """A signer from a PEM (PKCS#8) or OpenSSH private key file; the key is never copied."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TrustKeyError("the private key file cannot be read") from error
    try:
        if b"OPENSSH PRIVATE KEY" in data:
            private = serialization.load_ssh_private_key(data, password)
        else:
            private = serialization.load_pem_private_key(data, password)
    except (ValueError, TypeError):
        raise TrustKeyError("the private key file is not a readable PEM or OpenSSH key") from None
    _check_type(private)
    return CryptoSigner(private)  # type: ignore[arg-type]


def public_key(text: str) -> SSlibKey:
    """A verification key from a PEM block or one OpenSSH public key line."""
    data = text.strip().encode()
    try:
        if data.startswith(b"-----BEGIN"):
            public = serialization.load_pem_public_key(data)
        else:
            public = serialization.load_ssh_public_key(data)
    except (ValueError, TypeError, IndexError):
        raise TrustKeyError("a public key is not a readable PEM or OpenSSH key") from None
    _check_type(public)
    return SSlibKey.from_crypto(public)  # type: ignore[arg-type]


def sign(statement: dict[str, Any], signer: CryptoSigner) -> dict[str, Any]:
    payload = json.dumps(statement, sort_keys=True, separators=(",", ":")).encode()
    envelope = Envelope(payload=payload, payload_type=PAYLOAD_TYPE, signatures={})
    envelope.sign(signer)
    result: dict[str, Any] = envelope.to_dict()
    return result


def read_envelope(data: dict[str, Any]) -> Envelope:
    return Envelope.from_dict(data)


__all__ = ["Key", "TrustKeyError", "load_signer", "public_key", "read_envelope", "sign"]
