"""`gonogo new item`: a scaffold that compiles, is opa-fmt clean and whose tests pass."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.support.cli import REPO, run_gonogo


def test_a_scaffolded_item_passes_its_own_tests(tmp_path: Path, opa_bin: str) -> None:
    folder = tmp_path / "team"
    result = run_gonogo(
        "new",
        "item",
        "11.1.1",
        "--section",
        "11.1 Freshness",
        "--title",
        "Data fresh within 24 h",
        "-o",
        str(folder),
    )
    assert result.returncode == 0, result.stderr
    rego = folder / "item_11_1_1.rego"
    assert (
        'id: "11.1.1"' in rego.read_text()
        and "package gonogo.items.team.freshness.item_11_1_1" in rego.read_text()
    )
    assert json.loads((folder / "item_11_1_1.sample.json").read_text()) == {"team": {"item_11_1_1": True}}
    fmt = subprocess.run([opa_bin, "fmt", "-l", str(folder)], capture_output=True, text=True, check=False)
    assert fmt.stdout == "", fmt.stdout
    strict = subprocess.run(
        [opa_bin, "check", "--strict", str(folder), str(REPO / "policies" / "lib")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert strict.returncode == 0, strict.stdout + strict.stderr
    tested = run_gonogo("test", str(folder))
    assert tested.returncode == 0 and "PASS: 2/2" in tested.stdout, tested.stdout + tested.stderr


def test_it_never_overwrites_and_checks_the_id_against_the_section(tmp_path: Path) -> None:
    assert (
        run_gonogo("new", "item", "11.1.1", "--section", "11.1 Freshness", "-o", str(tmp_path)).returncode
        == 0
    )
    again = run_gonogo("new", "item", "11.1.1", "--section", "11.1 Freshness", "-o", str(tmp_path))
    assert again.returncode == 2 and "never overwrites" in again.stderr
    mismatch = run_gonogo("new", "item", "12.1.1", "--section", "11.1 Freshness", "-o", str(tmp_path / "x"))
    assert mismatch.returncode == 2 and not (tmp_path / "x").exists()


def test_a_scaffolded_item_reaches_the_report_in_its_own_section(tmp_path: Path, opa_bin: str) -> None:
    repo = tmp_path / "repo"
    made = run_gonogo(
        "new", "item", "11.1.1", "--section", "11.1 Freshness", "--section-title", "Data Pipeline Readiness",
        "--team", "data", "-o", str(repo / "checklist"),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    (repo / "gonogo.yaml").write_text("service: pipeline\npolicies:\n  - checklist\n")
    checked = run_gonogo("check", str(repo), "-f", "json", timeout=300)
    assert checked.returncode == 1, checked.stderr
    report = json.loads(checked.stdout)
    entry = next(e for e in report["items"] if e["id"] == "11.1.1")
    assert entry["verdict"] == "pending"
    assert entry["source"].startswith("policies/teams/checklist/item_11_1_1.rego")
    team = {"number": "11", "title": "Data Pipeline Readiness", "total": 1, "verdicts": {"pending": 1}}
    assert team in report["sections"]
