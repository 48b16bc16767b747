"""gonogo collect --sign and gonogo evaluate --require-signed-snapshot: a pipeline that asks for
a signed snapshot can never be approved by a hand-edited one (docs/trust.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import run_gonogo
from tests.trust.keys import generate

pytestmark = pytest.mark.opa


@pytest.fixture
def signed(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "svc"
    folder.mkdir()
    key, public, _ = generate("ed25519", tmp_path)
    stranger, _, _ = generate("p256", tmp_path)
    indented = "\n".join("        " + line for line in public.strip().splitlines())
    identity = f"    - name: ci@example.com\n      roles: [CI]\n      key: |\n{indented}\n"
    (folder / "gonogo.yaml").write_text(f"service: svc\ntrust:\n  identities:\n{identity}")
    snapshot = tmp_path / "snapshot.json"
    done = run_gonogo("collect", str(folder), "-o", str(snapshot), "--sign", str(key))
    assert done.returncode == 0, done.stderr
    return {"folder": folder, "snapshot": snapshot, "stranger": stranger, "out": tmp_path}


def _evaluate(signed: dict[str, Path], *args: str) -> tuple[int, dict[str, Any] | None, str]:
    report = signed["out"] / "report.json"
    report.unlink(missing_ok=True)
    done = run_gonogo(
        "evaluate",
        str(signed["snapshot"]),
        "-c",
        str(signed["folder"] / "gonogo.yaml"),
        "-o",
        f"json={report}",
        *args,
    )
    return done.returncode, json.loads(report.read_text()) if report.exists() else None, done.stderr


def test_a_signed_snapshot_says_who_signed_it(signed: dict[str, Path]) -> None:
    assert Path(str(signed["snapshot"]) + ".dsse.json").is_file()
    code, report, stderr = _evaluate(signed, "--require-signed-snapshot")
    assert code in (0, 1), stderr
    assert report is not None
    assert report["provenance"]["snapshot_origin"] == {"kind": "signed", "signer": "ci@example.com"}
    assert (
        "Snapshot: supplied signed by ci@example.com"
        in run_gonogo("evaluate", str(signed["snapshot"]), "-c", str(signed["folder"] / "gonogo.yaml")).stdout
    )


def test_an_edited_snapshot_is_unsigned_and_refused_when_a_signature_is_required(
    signed: dict[str, Path],
) -> None:
    document = json.loads(signed["snapshot"].read_text())
    document["context"]["service"] = "edited"
    signed["snapshot"].write_text(json.dumps(document, indent=2) + "\n")
    code, report, _ = _evaluate(signed)
    assert report is not None
    assert report["provenance"]["snapshot_origin"]["kind"] == "unsigned"
    assert "changed after it was signed" in report["provenance"]["snapshot_origin"]["reason"]
    code, report, stderr = _evaluate(signed, "--require-signed-snapshot")
    assert code == 2 and report is None
    assert "changed after it was signed" in stderr


def test_a_missing_signature_or_a_strangers_is_refused_when_required(signed: dict[str, Path]) -> None:
    signature = Path(str(signed["snapshot"]) + ".dsse.json")
    signature.unlink()
    code, report, stderr = _evaluate(signed, "--require-signed-snapshot")
    assert code == 2 and report is None and "no signature" in stderr
    stranger_signed = signed["out"] / "other.json"
    done = run_gonogo(
        "collect", str(signed["folder"]), "-o", str(stranger_signed), "--sign", str(signed["stranger"])
    )
    assert done.returncode == 0, done.stderr
    signed["snapshot"] = stranger_signed
    code, report, stderr = _evaluate(signed, "--require-signed-snapshot")
    assert code == 2 and "no key in the trust configuration" in stderr


def test_sign_needs_an_output_file(signed: dict[str, Path]) -> None:
    done = run_gonogo("collect", str(signed["folder"]), "--sign", str(signed["stranger"]))
    assert done.returncode == 2 and "--sign needs --output" in done.stderr
