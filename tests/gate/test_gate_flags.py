"""The tunable gate: --min-score, --fail-on severity levels, several outputs in one run, and a
terminal summary in the log whenever the report itself is not on the terminal."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from gonogo.evaluator.decision import exit_class

from tests.support.cli import EXAMPLE_DAY, EXAMPLES, run_gonogo


def _report(severity: str, verdict: str) -> dict:
    return {
        "decision": "NEEDS_WORK",
        "summary": {"by_verdict": {"error": 0, "fail": int(verdict == "fail")}},
        "collectors": {},
        "items": [{"severity": severity, "verdict": verdict, "criteria": []}],
    }


def test_fail_on_severity_levels() -> None:
    medium_fails = _report("medium", "fail")
    assert exit_class(medium_fails, "critical") == "approved"
    assert exit_class(medium_fails, "high") == "approved"
    assert exit_class(medium_fails, "medium") == "needs_work"
    assert exit_class(medium_fails, "any") == "needs_work"
    assert exit_class(medium_fails, "decision") == "needs_work"
    critical_pending = _report("critical", "pending")
    assert exit_class(critical_pending, "critical") == "approved"  # pending blocks only `decision`
    assert exit_class(critical_pending, "decision") == "needs_work"
    assert exit_class(_report("critical", "fail"), "critical") == "needs_work"
    assert exit_class(_report("low", "fail"), "medium") == "approved"


def test_several_outputs_in_one_run_and_a_summary_in_the_log(opa_bin: str, tmp_path: Path) -> None:
    sarif, junit, markdown = tmp_path / "g.sarif", tmp_path / "g.xml", tmp_path / "summary.md"
    result = run_gonogo(
        "check",
        str(EXAMPLES),
        "-o",
        f"sarif={sarif}",
        "-o",
        f"junit={junit}",
        "-o",
        f"markdown={markdown}",
        env=EXAMPLE_DAY,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""  # every report is in a file
    assert json.loads(sarif.read_text())["version"] == "2.1.0"
    assert ET.parse(junit).getroot().tag in ("testsuites", "testsuite")
    assert "NEEDS WORK" in markdown.read_text()
    assert "gonogo: decision NEEDS WORK" in result.stderr
    assert "readiness score" in result.stderr


def test_machine_format_on_stdout_keeps_the_summary_on_stderr(opa_bin: str) -> None:
    result = run_gonogo("check", str(EXAMPLES), "-f", "json", env=EXAMPLE_DAY)
    assert json.loads(result.stdout)["decision"] == "NEEDS_WORK"
    assert "gonogo: decision NEEDS WORK" in result.stderr


def test_conflicting_outputs_are_refused(tmp_path: Path) -> None:
    twice = run_gonogo("check", str(EXAMPLES), "-f", "json", "-f", "sarif")
    assert twice.returncode == 2 and "-f/--format given 2 times" in twice.stderr
    plain = run_gonogo("check", str(EXAMPLES), "-o", str(tmp_path / "a"), "-o", str(tmp_path / "b"))
    assert plain.returncode == 2 and "FORMAT=PATH" in plain.stderr
    same = tmp_path / "r.json"
    duplicate = run_gonogo("check", str(EXAMPLES), "-o", f"json={same}", "-o", f"sarif={same}")
    assert duplicate.returncode == 2 and "twice" in duplicate.stderr


def test_min_score_overrides_the_config(opa_bin: str, tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    result = run_gonogo("check", str(EXAMPLES), "--min-score", "5", "-o", f"json={report}", env=EXAMPLE_DAY)
    assert result.returncode == 1
    document = json.loads(report.read_text())
    assert document["min_score"] == 5
    assert not any("readiness score" in reason for reason in document["decision_reasons"])
    out_of_range = run_gonogo("check", str(EXAMPLES), "--min-score", "101")
    assert out_of_range.returncode == 2
