"""allowed_signers (man ssh-keygen ALLOWED SIGNERS) and `trust:` in gonogo.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from gonogo.trust.trust_config import TrustConfigError, load_trust_file, parse_allowed_signers
from tests.trust.keys import generate


def test_allowed_signers_comments_options_and_principals(tmp_path: Path) -> None:
    _, ed, _ = generate("ssh-ed25519", tmp_path)
    _, p256, _ = generate("ssh-p256", tmp_path)
    text = "\n".join(
        [
            "# team signers",
            "",
            f"alice@example.com,al@example.com {ed.strip()} alice's laptop",
            f'bob@example.com namespaces="git,gonogo" {p256.strip()}',
            f'eve@example.com namespaces="git" {p256.strip()}',
            f'dan@example.com valid-after="20200101",valid-before="20990101" {ed.strip()}',
            f"ca@example.com cert-authority {ed.strip()}",
            f'old@example.com valid-before="20200101" {ed.strip()}',
        ]
    )
    roles = {"alice@example.com": ["Engineering Lead"], "bob@example.com": ["Security Lead"]}
    identities = parse_allowed_signers(text, roles)
    names = [identity.name for identity in identities]
    assert names == ["alice@example.com", "al@example.com", "bob@example.com", "dan@example.com"]
    assert identities[0].roles == frozenset({"Engineering Lead"})
    assert identities[1].roles == frozenset()
    assert identities[0].key.keyid == identities[3].key.keyid


def test_allowed_signers_bad_line_names_line_not_key(tmp_path: Path) -> None:
    text = "# header\nalice@example.com ssh-ed25519 AAAAnot-a-key-SECRETISH\n"
    with pytest.raises(TrustConfigError, match=r"allowed_signers:2") as caught:
        parse_allowed_signers(text, {})
    assert "SECRETISH" not in str(caught.value)


def test_rsa_keys_are_refused(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    line = rsa_key.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH).decode()
    with pytest.raises(TrustConfigError):
        parse_allowed_signers(f"a@example.com {line}", {})


def test_trust_section_with_identities_and_signers_file(tmp_path: Path) -> None:
    _, pem, _ = generate("p256", tmp_path)
    _, ssh, _ = generate("ssh-ed25519", tmp_path)
    (tmp_path / "allowed_signers").write_text(f"bob@example.com {ssh}")
    indented = "\n".join("        " + line for line in pem.strip().splitlines())
    config = tmp_path / "gonogo.yaml"
    config.write_text(
        "trust:\n"
        "  identities:\n"
        "    - name: alice\n"
        "      roles: [CTO/VP Engineering]\n"
        "      key: |\n"
        f"{indented}\n"
        "  allowed_signers: allowed_signers\n"
        "  roles:\n"
        "    bob@example.com: [Product Manager]\n"
    )
    identities = load_trust_file(config)
    assert [(i.name, sorted(i.roles)) for i in identities] == [
        ("alice", ["CTO/VP Engineering"]),
        ("bob@example.com", ["Product Manager"]),
    ]
