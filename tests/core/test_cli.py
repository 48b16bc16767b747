"""The gonogo command as users and pipelines run it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from gonogo.schema_validation import schema_errors
from tests.support.catalog import CATALOG_ITEMS, SECTIONS
from tests.support.cli import EXAMPLE_DAY, EXAMPLES, run_gonogo


def test_example_report_validates_and_adds_up(example_report: dict[str, Any]) -> None:
    assert schema_errors("report.schema.json", example_report) == []
    summary = example_report["summary"]
    assert summary["total"] == CATALOG_ITEMS == len(example_report["items"])
    assert summary["total"] == summary["completed"] + summary["pending"] + summary["blocked"]
    assert sum(summary["by_verdict"].values()) == summary["total"]
    assert summary["critical_blockers"] == sum(
        1
        for e in example_report["items"]
        if e["severity"] == "critical" and e["verdict"] not in ("pass", "not_applicable", "waived")
    )
    assert example_report["decision"] == "NEEDS_WORK"
    assert example_report["provenance"]["opa_version"].startswith("1.22")


def test_example_decides_documents_with_evidence(example_report: dict[str, Any]) -> None:
    by_id = {e["id"]: e for e in example_report["items"]}
    # a front-matter rehearsal date is typed: it never passes the high 6.1.1 on its own
    assert by_id["6.1.1"]["verdict"] == "pending"
    assert by_id["6.1.1"]["criteria"][0]["evidence"] == ["docs/deployment.md:1"]
    assert "declared only" in by_id["6.1.1"]["criteria"][0]["message"]
    assert by_id["6.1.2"]["verdict"] == "fail"
    assert "no record that it was rehearsed" in by_id["6.1.2"]["criteria"][0]["message"]
    # a typed context flag does not switch off the high 8.1.2 without the Product Manager's attestation
    assert by_id["8.1.2"]["verdict"] != "not_applicable"
    # the sample's typed waiver is refused: gonogo.yaml does not allow unsigned waivers
    assert by_id["8.3.4"]["verdict"] != "waived"
    assert [w["status"] for w in example_report["waivers"]] == ["unsigned_not_allowed"]


def test_not_opa_exits_2_and_never_approves(tmp_path: Path) -> None:
    for fmt in ("terminal", "json"):
        result = run_gonogo("check", str(EXAMPLES), "--opa-bin", "/bin/echo", "--format", fmt)
        assert result.returncode == 2
        assert "APPROVED" not in result.stdout + result.stderr
        assert "is not OPA" in result.stderr


def test_missing_opa_exits_2_with_install_hint(tmp_path: Path) -> None:
    result = run_gonogo("check", str(EXAMPLES), "--opa-bin", str(tmp_path / "nothing"))
    assert result.returncode == 2
    assert "make setup" in result.stderr


def test_collect_then_evaluate_matches_check(
    opa_bin: str, tmp_path: Path, example_report: dict[str, Any]
) -> None:
    snapshot = tmp_path / "snapshot.json"
    assert run_gonogo("collect", str(EXAMPLES), "-o", str(snapshot), env=EXAMPLE_DAY).returncode == 0
    result = run_gonogo(
        "evaluate", str(snapshot), "--config", str(EXAMPLES / "gonogo.yaml"), "-f", "json", env=EXAMPLE_DAY
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    verdicts = {e["id"]: e["verdict"] for e in report["items"]}
    assert verdicts == {e["id"]: e["verdict"] for e in example_report["items"]}


def test_invalid_snapshot_names_the_pointer(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "apiVersion: gonogo.dev/v1alpha1\nkind: Snapshot\nmetadata: {created_at: yesterday, "
        "gonogo_version: '1'}\ncontext: {uses_gpu: maybe}\ncollectors: {}\n"
    )
    result = run_gonogo("evaluate", str(bad))
    assert result.returncode == 2
    assert str(bad) in result.stderr
    assert "/context/uses_gpu" in result.stderr


def test_invalid_config_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "gonogo.yaml").write_text("waivers:\n  - id: '1.1.1'\n    reason: r\n")
    result = run_gonogo("check", str(tmp_path))
    assert result.returncode == 2
    assert "/waivers/0" in result.stderr and "approver" in result.stderr


def test_markdown_is_the_checklist_filled_in(opa_bin: str) -> None:
    result = run_gonogo("check", str(EXAMPLES), "-f", "markdown", env=EXAMPLE_DAY)
    text = result.stdout
    for heading in (
        "## 1. Testing & Quality Assurance",
        "### 6.1 Runbooks & Documentation",
        "## Summary Statistics",
        "## Deployment Decision",
        "## Deployment Approval",
        "**Overall Readiness Score**",
    ):
        assert heading in text
    assert "- [x] **Database Optimization**: Queries indexed and optimized" not in text  # no migrations
    assert "- [ ] **Deployment Guide**: Complete and tested" in text  # rehearsal typed in front matter only
    assert "| Security Lead | __________ | __________ | missing |" in text
    assert "- [ ] **Rollback Procedures**: Documented and rehearsed" in text
    assert "[ ] APPROVED FOR DEPLOYMENT / [x] NEEDS WORK" in text
    assert text.count("\n  > ") == CATALOG_ITEMS


def test_junit_has_a_case_per_item(opa_bin: str) -> None:
    from junitparser import JUnitXml

    result = run_gonogo("check", str(EXAMPLES), "-f", "junit")
    ET.fromstring(result.stdout)
    suites = list(JUnitXml.fromstring(result.stdout))
    assert len(suites) == SECTIONS
    assert sum(suite.tests for suite in suites) == CATALOG_ITEMS
    assert sum(suite.failures for suite in suites) >= 1


def test_sarif_is_2_1_0_with_a_rule_per_item(opa_bin: str) -> None:
    result = run_gonogo("check", str(EXAMPLES), "-f", "sarif")
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert len(run["tool"]["driver"]["rules"]) == CATALOG_ITEMS
    failing = [r for r in run["results"] if r["ruleId"] == "6.1.2"]
    assert failing and failing[0]["level"] == "error"
    assert failing[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/rollback.md"


def test_fail_on_fail_ignores_pending(opa_bin: str, tmp_path: Path) -> None:
    (tmp_path / "gonogo.yaml").write_text("collectors: {enabled: [context]}\n")
    gate = run_gonogo("check", str(tmp_path))
    precommit = run_gonogo("check", str(tmp_path), "--fail-on", "fail")
    assert gate.returncode == 1  # everything pending: the gate does not approve
    assert precommit.returncode == 0  # but nothing fails, so a commit may go on


def test_output_file_and_no_colour(opa_bin: str, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = run_gonogo("check", str(EXAMPLES), "-o", str(out))
    assert result.returncode == 1 and result.stdout == ""
    assert "\x1b[" not in out.read_text()
    assert "Decision: NEEDS WORK" in out.read_text()


def test_explain_shows_rule_source_and_evidence(opa_bin: str) -> None:
    result = run_gonogo("explain", "6.1.2", "--path", str(EXAMPLES), env=EXAMPLE_DAY)
    assert result.returncode == 0, result.stderr
    assert (
        "rule:        data.gonogo.items.operations.runbooks_documentation.rollback_procedures"
        in result.stdout
    )
    assert "rollback_procedures.rego:" in result.stdout
    assert "evidence: docs/rollback.md:1" in result.stdout
    assert run_gonogo("explain", "99.1.1").returncode == 2


def test_source_date_epoch_replays_a_day(opa_bin: str) -> None:
    later = {"SOURCE_DATE_EPOCH": str(int(EXAMPLE_DAY["SOURCE_DATE_EPOCH"]) + 200 * 86400)}
    report = json.loads(run_gonogo("check", str(EXAMPLES), "-f", "json", env=later).stdout)
    by_id = {e["id"]: e for e in report["items"]}
    assert report["provenance"]["evaluated_at"].startswith("2027-06-17")
    assert by_id["6.1.1"]["verdict"] == "fail"  # the rehearsal of 2026-10-14 is now too old
    assert by_id["8.3.4"]["verdict"] != "waived"  # the waiver expired on 2027-03-31
    assert run_gonogo("check", str(EXAMPLES), env={"SOURCE_DATE_EPOCH": "yesterday"}).returncode == 2
