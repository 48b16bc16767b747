"""`--skip ITEM`: left out of the gate, recorded in the report as skipped by the flag (not a
waiver) and shown in every format; a critical item is never skipped, an error still exits 2."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import click
import pytest
from gonogo.evaluator.decision import decide
from gonogo.evaluator.summary import summarize

from gonogo.gate import apply_skips, check_skip_ids, gate_class
from gonogo.schema_validation import schema_errors
from tests.support.cli import EXAMPLE_DAY, EXAMPLES, item, run_gonogo


def _report(*items: tuple[str, str, str], reasons: tuple[str, ...] = ()) -> dict:
    entries = [
        {"id": i, "severity": s, "verdict": v, "criteria": [{"verdict": v, "evidence": ["a.yaml:1"]}]}
        for i, s, v in items
    ]
    summary = summarize(entries)
    decision, item_reasons = decide(summary, 80.0)
    return {
        "decision": "NEEDS_WORK" if item_reasons or reasons else decision,
        "decision_reasons": [*item_reasons, *reasons],
        "min_score": 80.0,
        "summary": summary,
        "collectors": {},
        "items": entries,
    }


def test_a_skipped_failure_is_left_out_of_every_gate_but_kept_in_the_report() -> None:
    report = _report(("1.1.1", "critical", "pass"), ("2.1.2", "high", "fail"))
    for fail_on in ("decision", "high", "any", "evidence"):
        assert gate_class(report, fail_on) == "needs_work", fail_on
    apply_skips(report, ("2.1.2",))
    for fail_on in ("decision", "critical", "high", "any", "evidence"):
        assert gate_class(report, fail_on) == "approved", fail_on
    assert report["decision"] == "NEEDS_WORK"  # the decision itself is never rewritten
    assert report["items"][1]["verdict"] == "fail" and report["items"][1]["skipped_by"] == "--skip"
    assert report["skipped_items"] == [{"id": "2.1.2", "severity": "high", "verdict": "fail", "by": "--skip"}]


def test_what_is_not_about_items_still_blocks_and_errors_stay_errors() -> None:
    partial = _report(
        ("1.1.1", "critical", "pass"),
        ("2.1.2", "high", "fail"),
        reasons=("only some paths were collected (partial snapshot): never approved",),
    )
    apply_skips(partial, ("2.1.2",))
    assert gate_class(partial, "decision") == "needs_work"
    assert gate_class(partial, "high") == "approved"
    erring = _report(("1.1.1", "critical", "pass"), ("2.1.2", "high", "error"))
    apply_skips(erring, ("2.1.2",))
    assert gate_class(erring, "any") == "error"
    other = _report(("1.1.1", "critical", "pass"), ("2.1.2", "high", "fail"), ("3.1.1", "medium", "fail"))
    apply_skips(other, ("2.1.2",))
    assert gate_class(other, "decision") == "needs_work"
    assert gate_class(other, "high") == "approved"


def test_critical_unknown_and_malformed_skips_are_refused() -> None:
    report = _report(("1.1.1", "critical", "fail"), ("2.1.2", "high", "fail"))
    with pytest.raises(click.UsageError, match="critical item is never skipped"):
        apply_skips(report, ("1.1.1",))
    with pytest.raises(click.UsageError, match="no such item"):
        apply_skips(report, ("9.9.9",))
    with pytest.raises(click.UsageError, match="not an item ID"):
        check_skip_ids(["all"])
    assert check_skip_ids(["2.1.2", "2.1.2"]) == ("2.1.2",)
    assert "skipped_items" not in report


def test_unknown_output_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run_gonogo("check", str(EXAMPLES), "-o", f"mdx={tmp_path / 'x'}", cwd=tmp_path)
    assert result.returncode == 2
    assert (
        "unknown format 'mdx'" in result.stderr
        and "sarif" in result.stderr
        and "md=markdown" in result.stderr
    )
    assert list(tmp_path.iterdir()) == []
    empty = run_gonogo("check", str(EXAMPLES), "-o", "json=", cwd=tmp_path)
    assert empty.returncode == 2 and "no path after the format" in empty.stderr
    critical = run_gonogo("check", str(EXAMPLES), "--skip", "everything", cwd=tmp_path)
    assert critical.returncode == 2 and "not an item ID" in critical.stderr


def test_skipped_items_in_every_format_of_one_run(opa_bin: str, tmp_path: Path) -> None:
    outputs = {
        fmt: tmp_path / f"r.{fmt}"
        for fmt in ("json", "sarif", "markdown", "junit", "github", "gitlab", "html")
    }
    args = [arg for fmt, path in outputs.items() for arg in ("-o", f"{fmt}={path}")]
    args += ["-o", f"md={tmp_path / 'alias.md'}", "-o", f"terminal={tmp_path / 'r.txt'}"]
    result = run_gonogo("check", str(EXAMPLES), *args, "--skip", "2.1.2", env=EXAMPLE_DAY)
    assert result.returncode == 1, result.stderr  # the sample still needs work
    assert "gonogo: skipped by --skip (left out of the gate, not waived): 2.1.2 (fail)" in result.stderr

    report = json.loads(outputs["json"].read_text())
    assert item(report, "2.1.2")["verdict"] == "fail" and item(report, "2.1.2")["skipped_by"] == "--skip"
    assert report["skipped_items"] == [{"id": "2.1.2", "severity": "high", "verdict": "fail", "by": "--skip"}]
    assert not [w for w in report["waivers"] if w.get("id") == "2.1.2"]
    assert schema_errors("report.schema.json", report) == []

    results = json.loads(outputs["sarif"].read_text())["runs"][0]["results"]
    skipped = [r for r in results if r["ruleId"] == "2.1.2"]
    assert skipped and all(r["suppressions"][0]["kind"] == "external" for r in skipped)
    assert not any("suppressions" in r for r in results if r["ruleId"] != "2.1.2")

    markdown = outputs["markdown"].read_text()
    assert markdown == (tmp_path / "alias.md").read_text()
    assert "**Skipped by --skip** (left out of the gate, not waived): 2.1.2 (FAIL)" in markdown
    assert "FAIL (skipped by --skip, not waived)" in markdown

    cases = {c.get("name", "").split(" ")[0]: c for c in ET.parse(outputs["junit"]).iter("testcase")}
    assert cases["2.1.2"].find("skipped").get("message") == "skipped by --skip (verdict fail, not waived)"
    assert cases["2.1.2"].find("failure") is None

    annotations = [line for line in outputs["github"].read_text().splitlines() if "2.1.2 high" in line]
    assert annotations and all(line.startswith("::notice ") for line in annotations)
    assert all("[skipped by --skip, " in line for line in annotations)

    issues = [i for i in json.loads(outputs["gitlab"].read_text()) if i["check_name"] == "2.1.2"]
    assert issues and all(
        i["severity"] == "info" and "[skipped by --skip" in i["description"] for i in issues
    )

    html = outputs["html"].read_text()
    assert '<p id="skipped-items" data-count="1"><b>Skipped by --skip</b>' in html
    assert '<a href="#item-2.1.2">2.1.2</a> (Fail)' in html
    assert '<tr id="item-2.1.2" data-verdict="fail" data-skipped="true">' in html
    assert html.count('data-skipped="true"') == 1 and "<b>skipped by --skip</b>" in html

    terminal = (tmp_path / "r.txt").read_text()
    assert "2.1.2" in terminal and "[skipped by --skip]" in terminal
    assert "Skipped by --skip (left out of the gate, not waived): 2.1.2 (fail)" in terminal
