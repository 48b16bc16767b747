"""`gonogo verify`: a recorded decision is replayed from its snapshot, or each difference is named."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from gonogo.verify import compare, replay

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "sample-service"

pytestmark = pytest.mark.opa


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory, opa_bin: str) -> tuple[Path, Path]:
    from tests.support.cli import EXAMPLE_DAY, run_gonogo

    folder = tmp_path_factory.mktemp("record")
    report, snapshot = folder / "report.json", folder / "snapshot.json"
    result = run_gonogo(
        "check", str(EXAMPLES), "-f", "json", "-o", str(report), "--snapshot-out", str(snapshot),
        env=EXAMPLE_DAY,
    )  # fmt: skip
    assert result.returncode in (1, 2), result.stderr
    return report, snapshot


def _report(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text())


def test_the_report_records_what_a_replay_needs(recorded: tuple[Path, Path]) -> None:
    report, snapshot = recorded
    provenance = _report(report)["provenance"]
    assert provenance["snapshot_sha256"] == "sha256:" + hashlib.sha256(snapshot.read_bytes()).hexdigest()
    for key in ("policy_digest", "config_digest"):
        assert provenance[key].startswith("sha256:") and len(provenance[key]) == 71
    assert provenance["opa_version"] and provenance["gonogo_version"]
    assert provenance["evaluated_at"] == "2026-11-29T12:00:00Z"


def test_the_sample_service_decision_is_reproduced(recorded: tuple[Path, Path], opa_bin: str) -> None:
    report, snapshot = recorded
    result = replay(report, snapshot, EXAMPLES / "gonogo.yaml")
    assert result.differences == []
    assert result.replayed["decision"] == _report(report)["decision"]


def test_a_changed_fact_names_the_item_that_moved(recorded: tuple[Path, Path], tmp_path: Path) -> None:
    report, snapshot = recorded
    document = json.loads(snapshot.read_text())
    assert _verdict(_report(report), "1.1.2") == "pass"
    document["quality"]["tests"]["kinds"]["integration"]["failed"] = 1
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document, indent=2) + "\n")
    result = replay(report, changed, EXAMPLES / "gonogo.yaml")
    assert "item 1.1.2: recorded pass, replayed fail" in result.differences
    assert any(line.startswith("item 1.1.2 criterion ") for line in result.differences)
    assert any(line.startswith("snapshot_sha256: recorded sha256:") for line in result.differences)
    assert not any(line.startswith(("policy_digest", "config_digest")) for line in result.differences)


def test_another_config_is_a_difference(recorded: tuple[Path, Path], tmp_path: Path) -> None:
    report, snapshot = recorded
    other = tmp_path / "gonogo.yaml"
    other.write_text((EXAMPLES / "gonogo.yaml").read_text().replace("min_score:", "min_score: 1 #"))
    differences = replay(report, snapshot, other).differences
    assert any(line.startswith("config_digest: recorded") for line in differences)


def test_compare_lists_decision_score_and_verdicts() -> None:
    base = {
        "decision": "NEEDS_WORK",
        "summary": {"score": 26},
        "items": [{"id": "1.1.1", "verdict": "fail", "criteria": [{"text": "A", "verdict": "fail"}]}],
        "provenance": {"policy_digest": "sha256:a"},
    }
    moved = {
        "decision": "APPROVED",
        "summary": {"score": 90},
        "items": [{"id": "1.1.1", "verdict": "pass", "criteria": [{"text": "A", "verdict": "pass"}]}],
        "provenance": {"policy_digest": "sha256:b"},
    }
    assert compare(base, base) == []
    assert compare(base, moved) == [
        "decision: recorded NEEDS_WORK, replayed APPROVED",
        "score: recorded 26, replayed 90",
        "item 1.1.1: recorded fail, replayed pass",
        "item 1.1.1 criterion 1 (A): recorded fail, replayed pass",
        "policy_digest: recorded sha256:a, replayed sha256:b",
    ]


def _verdict(report: dict[str, Any], item_id: str) -> str:
    return next(e["verdict"] for e in report["items"] if e["id"] == item_id)


def test_the_command_confirms_or_lists_and_exits(recorded: tuple[Path, Path], tmp_path: Path) -> None:
    from tests.support.cli import run_gonogo

    report, snapshot = recorded
    config = str(EXAMPLES / "gonogo.yaml")
    same = run_gonogo("verify", str(report), str(snapshot), "--config", config)
    assert same.returncode == 0, same.stderr
    assert same.stdout.startswith("verified: ") and len(same.stdout.splitlines()) == 1
    document = json.loads(snapshot.read_text())
    document["quality"]["tests"]["kinds"]["integration"]["failed"] = 1
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document, indent=2) + "\n")
    moved = run_gonogo("verify", str(report), str(changed), "--config", config)
    assert moved.returncode == 1, moved.stderr
    assert "  item 1.1.2: recorded pass, replayed fail" in moved.stdout.splitlines()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    assert run_gonogo("verify", str(broken), str(snapshot)).returncode == 2
