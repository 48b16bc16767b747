"""gonogo attest then gonogo attestations, through the installed console script; a canary
checks no private key byte sequence reaches stdout, stderr or the envelope."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.trust.keys import generate

COMMIT = "e" * 40
GONOGO = str(Path(sys.executable).with_name("gonogo"))  # the installed console script


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [GONOGO, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
        timeout=120,
    )


def _setup(tmp_path: Path, kind: str) -> tuple[Path, bytes]:
    key, public, secret = generate(kind, tmp_path)
    line = public.strip() if kind.startswith("ssh-") else None
    if line:
        (tmp_path / "allowed_signers").write_text(f'lead@example.com namespaces="gonogo" {line}\n')
        trust = "trust:\n  allowed_signers: allowed_signers\n  roles:\n"
        trust += "    lead@example.com: [Engineering Lead]\n"
    else:
        indented = "\n".join("        " + part for part in public.strip().splitlines())
        trust = "trust:\n  identities:\n    - name: lead\n      roles: [Engineering Lead]\n"
        trust += f"      key: |\n{indented}\n"
    (tmp_path / "gonogo.yaml").write_text(trust)
    return key, secret


@pytest.mark.parametrize("kind", ["ssh-ed25519", "p256"])
def test_attest_then_list(tmp_path: Path, kind: str) -> None:
    key, secret = _setup(tmp_path, kind)
    (tmp_path / "drill.md").write_text("restore drill notes\n")
    attested = _run(
        "attest",
        "10.2.1",
        "--key",
        str(key),
        "--role",
        "Engineering Lead",
        "--statement",
        "Restore drill done",
        "--value",
        "rto_minutes=42",
        "--value",
        "rpo_minutes=5",
        "--evidence",
        "drill.md",
        "--commit",
        COMMIT,
        "--repo",
        "example/app",
        "--expires",
        "30d",
        cwd=tmp_path,
    )
    assert attested.returncode == 0, attested.stderr
    files = list((tmp_path / ".gonogo/attestations").glob("*.dsse.json"))
    assert len(files) == 1
    envelope = json.loads(files[0].read_text())
    statement = json.loads(base64.b64decode(envelope["payload"]))
    assert statement["subject"] == [{"name": "git+example/app", "digest": {"gitCommit": COMMIT}}]
    assert statement["predicate"]["values"] == {"rto_minutes": 42, "rpo_minutes": 5}
    assert statement["predicate"]["evidence"][0]["path"] == "drill.md"

    listed = _run("attestations", "--commit", COMMIT, "--format", "json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [(r["status"], r["covers"]) for r in rows] == [("verified", ["10.2.1"])]

    stale = _run("attestations", "--commit", "f" * 40, cwd=tmp_path)
    assert stale.stdout.startswith("stale")

    for output in (attested.stdout, attested.stderr, listed.stdout, listed.stderr, files[0].read_text()):
        _assert_no_secret(output, secret)


def _assert_no_secret(output: str, secret: bytes) -> None:
    body = b"".join(line for line in secret.splitlines() if not line.startswith(b"-----"))
    raw = base64.b64decode(body)
    assert body.decode()[:40] not in output.replace("\n", "")
    assert raw.hex() not in output
    assert base64.b64encode(raw).decode()[:40] not in output


def test_bad_key_file_error_quotes_no_key(tmp_path: Path) -> None:
    _, _, secret = generate("ed25519", tmp_path)
    broken = tmp_path / "broken.key"
    broken.write_bytes(secret.replace(b"PRIVATE KEY-----\n", b"PRIVATE KEY-----\n!!", 1))
    result = _run(
        "attest",
        "10.2.2",
        "--key",
        str(broken),
        "--role",
        "Security Lead",
        "--statement",
        "x",
        "--commit",
        COMMIT,
        "-o",
        "a.dsse.json",
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "not a readable" in result.stderr
    _assert_no_secret(result.stdout + result.stderr, secret)
    assert not (tmp_path / "a.dsse.json").exists()


def test_missing_fields_without_a_terminal_is_a_usage_error(tmp_path: Path) -> None:
    result = _run("attest", "10.2.2", cwd=tmp_path)
    assert result.returncode == 2
    assert "missing" in result.stderr
