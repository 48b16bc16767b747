"""Each key kind: valid, tampered payload, tampered signature, unknown key, wrong role, expired,
stale commit, stale image, malformed."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from gonogo.trust.envelope import load_signer, public_key, sign
from gonogo.trust.statement import StatementError, build_statement, subjects
from gonogo.trust.trust_config import Identity
from gonogo.trust.verify import verify_attestation
from tests.trust.keys import KINDS, generate

COMMIT = "a" * 40
IMAGE = "sha256:" + "b" * 64
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def _signed(key: Path, *, role: str = "Security Lead", days: int = 30) -> dict[str, Any]:
    statement = build_statement(
        covers=["10.2.2"],
        role=role,
        text="Pen test reviewed; no open criticals.",
        issued=NOW,
        expires=NOW + timedelta(days=days),
        subject=subjects("example/repo", COMMIT, ("registry/app@" + IMAGE,)),
        values={"findings_critical": 0, "findings_high": 2},
    )
    return sign(statement, load_signer(key))


@pytest.fixture(params=KINDS)
def signer(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, list[Identity]]:
    path, public, _ = generate(request.param, tmp_path)
    return path, [Identity("carol", public_key(public), frozenset({"Security Lead"}))]


def _check(envelope: object, identities: list[Identity], **kwargs: Any) -> str:
    result = verify_attestation(envelope, identities, now=NOW + timedelta(days=1), **kwargs)
    return result.status


def test_valid(signer: tuple[Path, list[Identity]]) -> None:
    key, identities = signer
    envelope = _signed(key)
    assert _check(envelope, identities, commit=COMMIT, images=(IMAGE,)) == "verified"


def test_tampered_payload(signer: tuple[Path, list[Identity]]) -> None:
    key, identities = signer
    envelope = _signed(key)
    statement = json.loads(base64.b64decode(envelope["payload"]))
    statement["predicate"]["values"]["findings_critical"] = 0.5
    envelope["payload"] = base64.b64encode(json.dumps(statement).encode()).decode()
    assert _check(envelope, identities) == "bad_signature"


def test_tampered_signature(signer: tuple[Path, list[Identity]]) -> None:
    key, identities = signer
    envelope = _signed(key)
    raw = bytearray(base64.b64decode(envelope["signatures"][0]["sig"]))
    raw[len(raw) // 2] ^= 0x01
    envelope["signatures"][0]["sig"] = base64.b64encode(bytes(raw)).decode()
    assert _check(envelope, identities) == "bad_signature"


def test_unknown_key(signer: tuple[Path, list[Identity]], tmp_path: Path) -> None:
    key, _ = signer
    _, other, _ = generate("ed25519", tmp_path / "..")
    identities = [Identity("mallory", public_key(other), frozenset({"Security Lead"}))]
    assert _check(_signed(key), identities) == "unknown_key"


def test_wrong_role(signer: tuple[Path, list[Identity]]) -> None:
    key, identities = signer
    assert _check(_signed(key, role="CTO/VP Engineering"), identities) == "wrong_role"


def test_expired(signer: tuple[Path, list[Identity]]) -> None:
    key, identities = signer
    result = verify_attestation(_signed(key, days=1), identities, now=NOW + timedelta(days=2))
    assert result.status == "expired"


def test_stale_commit(signer: tuple[Path, list[Identity]]) -> None:
    key, identities = signer
    assert _check(_signed(key), identities, commit="c" * 40) == "stale"


def test_stale_image(signer: tuple[Path, list[Identity]]) -> None:
    key, identities = signer
    assert _check(_signed(key), identities, images=("sha256:" + "d" * 64,)) == "stale"


@pytest.mark.parametrize(
    "envelope",
    [
        None,
        [],
        {"payload": "x"},
        {"payload": "", "payloadType": "text", "signatures": []},
        {"payload": "e30=", "payloadType": "application/vnd.in-toto+json", "signatures": [{}]},
        {
            "payload": "e30=",
            "payloadType": "application/vnd.in-toto+json",
            "signatures": [{"keyid": "k", "sig": "not base64!"}],
        },
    ],
)
def test_malformed(envelope: object) -> None:
    assert verify_attestation(envelope, []).status == "malformed"


def test_predicate_schema_rejects_bad_values() -> None:
    with pytest.raises(StatementError, match="values") as caught:
        build_statement(
            covers=["10.2.2"],
            role="Security Lead",
            text="x",
            issued=NOW,
            expires=NOW,
            subject=subjects(None, COMMIT, ()),
            values={"rto_minutes": "secret-value"},  # type: ignore[dict-item]
        )
    assert "secret-value" not in str(caught.value)


def test_stale_when_the_subject_names_nothing_judged(tmp_path: Path) -> None:
    path, public, _ = generate("ed25519", tmp_path)
    identities = [Identity("carol", public_key(public), frozenset({"Security Lead"}))]
    statement = build_statement(
        covers=["10.2.2"],
        role="Security Lead",
        text="Reviewed.",
        issued=NOW,
        expires=NOW + timedelta(days=30),
        subject=subjects(None, None, ("sha256:" + "b" * 64,)),
    )
    envelope = sign(statement, load_signer(path))
    assert _check(envelope, identities, commit=COMMIT) == "stale"
    assert _check(envelope, identities, commit=COMMIT, images=("sha256:" + "b" * 64,)) == ("verified")
    assert _check(envelope, identities) == "verified"
