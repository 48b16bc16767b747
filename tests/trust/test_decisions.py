"""Signed attestations moving verdicts end to end, through the installed CLI and the real OPA:
a context flag attested by its role, a sign-off of the report read, and what each single
tampering (payload, signature, role, evidence) does to them (docs/trust.md)."""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import item, run_gonogo
from tests.trust.keys import generate

pytestmark = pytest.mark.opa

ROLES = {"pm": "Product Manager", "eng": "Engineering Lead", "sec": "Security Lead"}
PCI = "8.2.2"  # critical, with a context flag
ENGINEERING_SIGN_OFF = "10.2.1"


def _identity(name: str, public: str, role: str) -> str:
    key = "\n".join("        " + line for line in public.strip().splitlines())
    return f"    - name: {name}@example.com\n      roles: [{role}]\n      key: |\n{key}\n"


@pytest.fixture
def service(tmp_path: Path) -> dict[str, Any]:
    folder = tmp_path / "svc"
    folder.mkdir()
    keys: dict[str, Path] = {}
    identities = ""
    for short, role in ROLES.items():
        path, public, _ = generate("ed25519", tmp_path)
        keys[short] = path.rename(tmp_path / f"{short}.key")
        identities += _identity(short, public, role)
    (folder / "gonogo.yaml").write_text(
        "service: svc\ncontext:\n  processes_payments: false\ntrust:\n  identities:\n" + identities
    )
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.email=t@e", "-c", "user.name=t", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", *args], cwd=folder, check=True)
    return {"folder": folder, "keys": keys, "out": tmp_path}


def _check(folder: Path, out: Path) -> dict[str, Any]:
    report_path = out / "report.json"
    done = run_gonogo("check", str(folder), "-o", f"json={report_path}")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(report_path.read_text())


def _attest(service: dict[str, Any], key: str, *args: str) -> Path:
    folder = service["folder"]
    target = folder / ".gonogo" / "attestations" / f"{key}-{len(list(folder.rglob('*.dsse.json')))}.dsse.json"
    done = run_gonogo("attest", *args, "--key", str(service["keys"][key]), "-o", str(target), cwd=folder)
    assert done.returncode == 0, done.stderr
    return target


def _flag_attestation(service: dict[str, Any], key: str = "pm", role: str = "Product Manager") -> Path:
    return _attest(
        service, key, "context.processes_payments=false", "--role", role, "--statement", "We take no payments"
    )


def test_a_typed_context_flag_keeps_a_critical_item_applicable(service: dict[str, Any]) -> None:
    report = _check(service["folder"], service["out"])
    pci = item(report, PCI)
    assert pci["verdict"] != "not_applicable"
    assert any("only an attestation by the Product Manager" in c["message"] for c in pci["criteria"])


def test_the_product_managers_attestation_makes_it_not_applicable(service: dict[str, Any]) -> None:
    _flag_attestation(service)
    report = _check(service["folder"], service["out"])
    pci = item(report, PCI)
    assert pci["verdict"] == "not_applicable"
    assert {c["assurance"] for c in pci["criteria"]} == {"attested"}
    assert [a["status"] for a in report["attestations"]] == ["verified"]


def _tamper_payload(path: Path) -> None:
    envelope = json.loads(path.read_text())
    statement = json.loads(base64.b64decode(envelope["payload"]))
    statement["predicate"]["statement"] = "edited after signing"
    envelope["payload"] = base64.b64encode(json.dumps(statement).encode()).decode()
    path.write_text(json.dumps(envelope))


def _tamper_signature(path: Path) -> None:
    envelope = json.loads(path.read_text())
    signature = bytearray(base64.b64decode(envelope["signatures"][0]["sig"]))
    signature[0] ^= 1
    envelope["signatures"][0]["sig"] = base64.b64encode(bytes(signature)).decode()
    path.write_text(json.dumps(envelope))


@pytest.mark.parametrize(
    ("tamper", "status"), [(_tamper_payload, "bad_signature"), (_tamper_signature, "bad_signature")]
)
def test_a_tampered_attestation_counts_for_nothing(service: dict[str, Any], tamper: Any, status: str) -> None:
    tamper(_flag_attestation(service))
    report = _check(service["folder"], service["out"])
    assert item(report, PCI)["verdict"] != "not_applicable"
    assert [a["status"] for a in report["attestations"]] == [status]


def test_an_attestation_in_a_role_the_signer_does_not_hold_counts_for_nothing(
    service: dict[str, Any],
) -> None:
    _flag_attestation(service, key="eng", role="Product Manager")
    report = _check(service["folder"], service["out"])
    assert item(report, PCI)["verdict"] != "not_applicable"
    assert [a["status"] for a in report["attestations"]] == ["wrong_role"]


def test_an_attestation_by_another_role_is_verified_but_decides_nothing(service: dict[str, Any]) -> None:
    _flag_attestation(service, key="eng", role="Engineering Lead")
    report = _check(service["folder"], service["out"])
    assert [a["status"] for a in report["attestations"]] == ["verified"]
    assert item(report, PCI)["verdict"] != "not_applicable"


def _row(report: dict[str, Any], role: str) -> dict[str, Any]:
    return next(row for row in report["approvals"] if row["role"] == role)


def test_a_sign_off_counts_only_for_the_evidence_it_signed(service: dict[str, Any]) -> None:
    folder, out = service["folder"], service["out"]
    first = _check(folder, out)
    assert [row["signature"] for row in first["approvals"]] == ["missing"] * 5
    assert item(first, ENGINEERING_SIGN_OFF)["verdict"] == "pending"
    signed = out / "signed.json"
    signed.write_text(json.dumps(first))
    target = folder / ".gonogo" / "attestations" / "eng-sign-off.dsse.json"
    done = run_gonogo(
        "sign-off",
        str(signed),
        "--role",
        "Engineering Lead",
        "--key",
        str(service["keys"]["eng"]),
        "-o",
        str(target),
    )
    assert done.returncode == 0, done.stderr
    second = _check(folder, out)
    assert second["provenance"]["evidence_digest"] == first["provenance"]["evidence_digest"]
    row = _row(second, "Engineering Lead")
    assert row["signature"] == "verified" and row["name"] == "eng@example.com"
    verdict = item(second, ENGINEERING_SIGN_OFF)
    failing_technical = [i for i in json.loads(signed.read_text())["items"] if i["verdict"] == "fail"]
    assert verdict["verdict"] == ("fail" if failing_technical else "pass")
    (folder / "deploy.yaml").write_text(  # a new fact: the evidence changed
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n"
        "  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n"
        "    spec:\n      containers:\n        - name: web\n          image: web:1\n"
    )
    third = _check(folder, out)
    assert third["provenance"]["evidence_digest"] != first["provenance"]["evidence_digest"]
    assert _row(third, "Engineering Lead")["signature"] == "evidence changed"
    assert item(third, ENGINEERING_SIGN_OFF)["verdict"] == "pending"


def test_a_signed_waiver_of_a_critical_item_needs_a_critical_role(service: dict[str, Any]) -> None:
    folder, out = service["folder"], service["out"]
    report = _check(folder, out)
    critical = next(
        e for e in report["items"] if e["severity"] == "critical" and e["verdict"] in ("fail", "pending")
    )
    for key, role in (("eng", "Engineering Lead"), ("sec", "Security Lead")):
        _attest(
            service, key, critical["id"], "--role", role, "--statement", "accepted", "--expires", "30d",
            "--waiver-reason", "accepted risk", "--ticket", "RISK-1",
        )  # fmt: skip
    waived = _check(folder, out)
    statuses = {w["role"]: w["status"] for w in waived["waivers"]}
    assert statuses == {"Engineering Lead": "role_not_allowed", "Security Lead": "applied"}
    assert item(waived, critical["id"])["verdict"] == "waived"
    assert waived["summary"]["waived_critical"] == 1
