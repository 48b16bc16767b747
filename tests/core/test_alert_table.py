"""Per-item tables: drawn generically in Markdown, terminal (-v) and HTML; the 3.2 alert coverage
is one, from the monitoring fixture and from the sample service."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gonogo.evaluator.outputs import html, markdown, terminal
from gonogo.evaluator.outputs.tables import item_tables
from gonogo.evaluator.report import refresh_table_verdicts

from tests.collectors.monitoring.realworld import realworld_folder
from tests.support.cli import run_gonogo

COVERAGE = "Alert coverage"


def _coverage_rows(report: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    return {
        row[0]: row
        for entry in report["items"]
        for table in item_tables(entry)
        if table.title == COVERAGE
        for row in table.rows
    }


def _report(item: dict[str, Any]) -> dict[str, Any]:
    provenance = dict.fromkeys(
        ("evaluated_at", "gonogo_version", "policy_digest", "opa_version", "snapshot_sha256"), "x" * 20
    )
    summary = dict.fromkeys(("total", "completed", "pending", "blocked", "critical_blockers"), 1)
    return {
        "items": [item],
        "sections": [],
        "summary": dict(summary, score=50, completed_percent=50),
        "provenance": provenance,
        "decision": "NEEDS_WORK",
        "decision_reasons": ["x"],
        "min_score": 80,
    }


ITEM = {
    "id": "9.9.9",
    "title": "Made-up item",
    "section": "Made up",
    "severity": "low",
    "verdict": "fail",
    "criteria": [{"text": "Ducks <aligned>", "verdict": "error", "evidence": [], "message": "m"}],
    "tables": [
        {
            "title": "Duck table",
            "columns": ["Criterion", "Pond", "Verdict"],
            "rows": [["Ducks <aligned>", "a|b", "pass"], ["Geese", "c", "fail"]],
            "criterion_column": 0,
            "verdict_column": 2,
        }
    ],
}


def test_any_item_table_is_drawn_in_every_format_with_cells_escaped() -> None:
    item = json.loads(json.dumps(ITEM))
    refresh_table_verdicts([item])
    assert item["tables"][0]["rows"] == [["Ducks <aligned>", "a|b", "error"], ["Geese", "c", "fail"]]
    report = _report(item)
    md = markdown.render(report)
    assert "**Duck table**" in md and "| Criterion | Pond | Verdict |" in md
    assert "| Ducks <aligned> | a\\|b | error |" in md
    text = terminal.render(report, verbose=True)
    assert "Duck table:" in text and "Geese" in text
    assert "Duck table" not in terminal.render(report, verbose=False)
    page = html.render(report)
    assert "<th>Pond</th>" in page and "Ducks &lt;aligned&gt;" in page and "<aligned>" not in page
    assert '<span class="v fail">Fail</span>' in page.split("Geese")[1]


def test_a_table_without_declared_columns_keeps_its_cells() -> None:
    item = json.loads(json.dumps(ITEM))
    del item["tables"][0]["verdict_column"]
    refresh_table_verdicts([item])
    assert item["tables"][0]["rows"][0][2] == "pass"


def test_table_lists_every_class_with_alerts_thresholds_receivers(opa_bin: str, tmp_path: Path) -> None:
    folder = realworld_folder(tmp_path / "realworld")
    only = ["--collector", "context", "--collector", "monitoring"]
    result = run_gonogo("check", str(folder), "-f", "json", *only)
    report = json.loads(result.stdout)
    rows = _coverage_rows(report)
    assert len(rows) == 15
    assert rows["High CPU usage (>80%)"][1:] == (
        "NodeCPUBusy, NodeCPUHighUsage",
        "> 80%, > 90%",
        "slack-platform",
        "pass",
    )
    assert rows["Suspicious IP activity"][1:] == ("—", "—", "none", "fail")
    md = markdown.render(report)
    assert md.count(f"**{COVERAGE}**") == 4
    assert sum(line.startswith("  | ") for line in md.splitlines()) == 15 + 4
    assert f"{COVERAGE}:" in terminal.render(report, verbose=True)


def test_sample_service_markdown_shows_the_alert_coverage_table(example_report: dict[str, Any]) -> None:
    rows = _coverage_rows(example_report)
    assert rows, "the sample service's 3.2 items carry no alert-coverage table"
    md = markdown.render(example_report)
    assert f"**{COVERAGE}**" in md
    for text, row in rows.items():
        assert "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" in md, text


def test_no_monitoring_evidence_means_no_table() -> None:
    assert _coverage_rows({"items": [dict(ITEM, tables=[])]}) == {}
