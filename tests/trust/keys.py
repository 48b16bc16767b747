"""Keys generated per test: Ed25519 and P-256 in PEM, and an OpenSSH Ed25519 key."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

KINDS = ("ed25519", "p256", "ssh-ed25519", "ssh-p256")


def generate(kind: str, folder: Path) -> tuple[Path, str, bytes]:
    """(private key file, public key text, private key bytes) for one fresh key."""
    private = (
        ed25519.Ed25519PrivateKey.generate()
        if "ed25519" in kind
        else (ec.generate_private_key(ec.SECP256R1()))
    )
    if kind.startswith("ssh-"):
        data = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.OpenSSH,
            serialization.NoEncryption(),
        )
        public = (
            private.public_key()
            .public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
            .decode()
        )
    else:
        data = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        public = (
            private.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )
    path = folder / f"{kind}.key"
    path.write_bytes(data)
    return path, public, data
