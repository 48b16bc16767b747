"""examples/ready-service reaches APPROVED from evidence alone, and each single tampering with
its trust material turns it back to NEEDS_WORK (issue #8's "done when").

The example's attestations and sign-offs are signed by its example keys
(scripts/sign-ready-service); a sign-off binds the evidence digest, which includes the policy
digest, so after a policy change that script must be run again (this test says so).
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.runner import collect

from gonogo.config import find_config, load_config
from gonogo.trust.digest import evidence_digest
from tests.support.catalog import CATALOG_ITEMS
from tests.support.cli import REPO, run_gonogo

pytestmark = pytest.mark.opa

READY = REPO / "examples" / "ready-service"
RESIGN = "run scripts/sign-ready-service and commit examples/ready-service/.gonogo/attestations"


def _check(folder: Path, out: Path, env: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    report = out / "report.json"
    report.unlink(missing_ok=True)
    done = run_gonogo("check", str(folder), "-o", f"json={report}", env=env)
    assert report.exists(), done.stderr
    return done.returncode, json.loads(report.read_text())


def _first_problem(entry: dict[str, Any]) -> str:
    return next((c["message"] for c in entry["criteria"] if c["verdict"] != "pass"), "")[:120]


def _not_passing(report: dict[str, Any]) -> list[str]:
    return [
        f"{e['id']} {e['verdict']}: {_first_problem(e)}"
        for e in report["items"]
        if e["verdict"] not in ("pass", "not_applicable")
    ]


@pytest.fixture(scope="module")
def ready_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict[str, Any]]:
    return _check(READY, tmp_path_factory.mktemp("ready"))


def test_the_ready_service_is_approved_from_evidence(ready_report: tuple[int, dict[str, Any]]) -> None:
    code, report = ready_report
    stale = [row["role"] for row in report["approvals"] if row["signature"] == "evidence changed"]
    assert not stale, f"the sign-offs of {stale} cover other evidence: {RESIGN}"
    assert report["decision"] == "APPROVED", _not_passing(report)
    assert code == 0
    assert [row["signature"] for row in report["approvals"]] == ["verified"] * 5
    assert report["waivers"] == []
    by_verdict = report["summary"]["by_verdict"]
    assert by_verdict["pass"] + by_verdict["not_applicable"] == CATALOG_ITEMS
    for entry in report["items"]:
        for criterion in entry["criteria"]:
            if entry["severity"] in ("critical", "high") and criterion["verdict"] in (
                "pass",
                "not_applicable",
            ):
                assert criterion["assurance"] != "declared", (entry["id"], criterion["text"])
    assert {a["status"] for a in report["attestations"]} == {"verified"}


def test_the_evidence_a_sign_off_binds_does_not_change_with_the_date() -> None:
    """A collection a month later of the same files gives the same evidence digest: no collected
    fact counts days from the clock (the days a certificate has left are counted in Rego from the
    snapshot's own time), so a sign-off is not invalidated overnight."""
    config = load_config(find_config(READY, None))
    today = datetime.now(UTC)
    digests = {
        evidence_digest(collect(READY, config, now=moment), "policies", "config")
        for moment in (today, today + timedelta(days=30))
    }
    assert len(digests) == 1


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "ready-service"
    shutil.copytree(READY, target)
    return target


def _flip_signature(path: Path) -> None:
    envelope = json.loads(path.read_text())
    signature = bytearray(base64.b64decode(envelope["signatures"][0]["sig"]))
    signature[-1] ^= 1
    envelope["signatures"][0]["sig"] = base64.b64encode(bytes(signature)).decode()
    path.write_text(json.dumps(envelope))


def _rewrite_payload(path: Path, change: Any) -> None:
    envelope = json.loads(path.read_text())
    statement = json.loads(base64.b64decode(envelope["payload"]))
    change(statement["predicate"])
    envelope["payload"] = base64.b64encode(json.dumps(statement).encode()).decode()
    path.write_text(json.dumps(envelope))


def _attestations(folder: Path) -> list[Path]:
    return sorted((folder / ".gonogo" / "attestations").glob("*.dsse.json"))


def _each_kind(folder: Path) -> list[Path]:
    """One human-act attestation, one attested context flag and one sign-off."""
    files = _attestations(folder)
    return [
        next(f for f in files if not f.name.startswith(("sign-off", "context"))),
        next(f for f in files if f.name.startswith("context")),
        next(f for f in files if f.name.startswith("sign-off")),
    ]


@pytest.mark.parametrize("kind", [0, 1, 2], ids=["attestation", "context-flag", "sign-off"])
def test_a_flipped_signature_turns_it_back(copy: Path, tmp_path: Path, kind: int) -> None:
    _flip_signature(_each_kind(copy)[kind])
    code, report = _check(copy, tmp_path)
    assert (code, report["decision"]) == (1, "NEEDS_WORK")
    assert "bad_signature" in {a["status"] for a in report["attestations"]}


def test_an_extended_expiry_is_a_bad_signature(copy: Path, tmp_path: Path) -> None:
    _rewrite_payload(
        _each_kind(copy)[0], lambda predicate: predicate.update(expires="2099-01-01T00:00:00+00:00")
    )
    code, report = _check(copy, tmp_path)
    assert (code, report["decision"]) == (1, "NEEDS_WORK")


def test_every_attestation_expires(copy: Path, tmp_path: Path) -> None:
    later = datetime.now(UTC) + timedelta(days=400)
    code, report = _check(copy, tmp_path, env={"SOURCE_DATE_EPOCH": str(int(later.timestamp()))})
    assert (code, report["decision"]) == (1, "NEEDS_WORK")
    assert {a["status"] for a in report["attestations"]} == {"expired"}


def test_a_signer_who_loses_the_role_no_longer_counts(copy: Path, tmp_path: Path) -> None:
    config = copy / "gonogo.yaml"
    config.write_text(config.read_text().replace("[Product Manager]", "[Support Engineer]"))
    code, report = _check(copy, tmp_path)
    assert (code, report["decision"]) == (1, "NEEDS_WORK")
    assert "wrong_role" in {a["status"] for a in report["attestations"]}


def test_changed_evidence_leaves_the_sign_offs_behind(copy: Path, tmp_path: Path) -> None:
    hpa = next(p for p in (copy / "deploy").rglob("*.json") if '"HorizontalPodAutoscaler"' in p.read_text())
    hpa.write_text(re.sub(r'"maxReplicas": \d+', '"maxReplicas": 19', hpa.read_text()))
    code, report = _check(copy, tmp_path)
    assert (code, report["decision"]) == (1, "NEEDS_WORK")
    assert {row["signature"] for row in report["approvals"]} == {"evidence changed"}


def test_a_typed_waiver_cannot_stand_in(copy: Path, tmp_path: Path) -> None:
    next(_each_kind(copy)[2].parent.glob("sign-off-security-lead*")).unlink()
    config = copy / "gonogo.yaml"
    config.write_text(
        config.read_text()
        + "waivers:\n  allow_unsigned: true\n  entries:\n"
        + '    - {id: "10.2.2", reason: r, approver: a, expires: 2026-12-31}\n'
    )
    code, report = _check(copy, tmp_path)
    assert (code, report["decision"]) == (1, "NEEDS_WORK")
    assert [w["status"] for w in report["waivers"]] == ["unsigned_critical"]
