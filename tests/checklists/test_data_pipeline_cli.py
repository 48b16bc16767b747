"""examples/data-pipeline through the CLI flags and the terminal and JUnit reports: --policies DIR,
its refusals, and the team's section in every text format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.checklists.conftest import TEAM
from tests.support.cli import item, run_gonogo


def test_the_team_section_in_the_terminal_and_junit_reports(outputs: dict[str, str]) -> None:
    assert "11. Data Pipeline Readiness" in outputs["terminal"] and "11.3.1" in outputs["terminal"]
    suites = {s.get("name"): s for s in ET.fromstring(outputs["junit"]).iter("testsuite")}
    team = suites["11. Data Pipeline Readiness"]
    assert len(team.findall("testcase")) == 3 and team.find("testcase/failure") is not None
    assert "severity low -> high" in outputs["terminal"] and "turned off (declared)" in outputs["terminal"]


def _folder_with(tmp_path: Path, package: str) -> Path:
    folder = tmp_path / "bad"
    folder.mkdir()
    source = (TEAM / "recovery" / "backfill_runbook.rego").read_text()
    (folder / "item.rego").write_text(
        source.replace("package gonogo.items.data_pipeline.recovery.backfill_runbook", f"package {package}")
    )
    return folder


@pytest.mark.parametrize(
    ("package", "message"),
    [
        ("gonogo.items.operations.runbooks.backfill", "in the seed's namespace gonogo.items.operations"),
        ("gonogo.lib.result", "is not a team item"),
    ],
)
def test_a_team_folder_outside_its_own_namespace_is_refused(
    tmp_path: Path, outputs: dict[str, str], package: str, message: str
) -> None:
    folder = _folder_with(tmp_path, package)
    result = run_gonogo("evaluate", outputs["snapshot_path"], "--policies", str(folder), "-f", "json")
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert result.stdout == ""


def test_the_policies_flag_loads_a_team_folder(outputs: dict[str, str]) -> None:
    snapshot = outputs["snapshot_path"]
    result = run_gonogo("evaluate", snapshot, "--policies", str(TEAM), "-f", "json", timeout=300)
    assert result.returncode == 1, result.stderr
    flagged = json.loads(result.stdout)
    assert item(flagged, "11.3.1")["verdict"] == "fail"


def test_a_team_folder_on_the_warm_engine_is_judged_by_the_catalog_its_server_holds(
    outputs: dict[str, str],
) -> None:
    """A team's items need not define `metadata`, so their catalog is the warm server's own
    (`opa inspect` of its copy), asked for after the decision: the same verdicts as `eval`."""
    snapshot = outputs["snapshot_path"]
    reports = {}
    for engine in ("eval", "warm"):
        result = run_gonogo(
            "evaluate", snapshot, "--policies", str(TEAM), "--engine", engine, "-f", "json", timeout=300
        )
        assert result.returncode == 1, result.stderr
        reports[engine] = {entry["id"]: entry for entry in json.loads(result.stdout)["items"]}
    assert reports["warm"] == reports["eval"]
    assert reports["warm"]["11.3.1"]["verdict"] == "fail"
    assert reports["warm"]["11.3.1"]["source"].startswith("policies/teams/")
