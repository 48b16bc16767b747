"""The 3.2 alert-coverage table in Markdown, terminal and HTML, from the monitoring fixture."""

from __future__ import annotations

import json
from pathlib import Path

from gonogo.evaluator.outputs import alert_table

from tests.collectors.monitoring.realworld import realworld_folder
from tests.conftest import run_gonogo


def test_table_lists_every_class_with_alerts_thresholds_receivers(opa_bin: str, tmp_path: Path) -> None:
    folder = realworld_folder(tmp_path / "realworld")
    only = ["--collector", "context", "--collector", "monitoring"]
    result = run_gonogo("check", str(folder), "-f", "json", *only)
    report = json.loads(result.stdout)
    rows = {row[0]: row for row in alert_table.rows(report)}
    assert len(rows) == 15
    assert rows["High CPU usage (>80%)"][1:] == (
        "NodeCPUBusy, NodeCPUHighUsage",
        "> 80%, > 90%",
        "slack-platform",
        "pass",
    )
    assert rows["Suspicious IP activity"][1:] == ("—", "—", "none", "fail")
    markdown = alert_table.markdown(report)
    assert markdown[1] == "#### Alert coverage" and len(markdown) == 15 + 6
    assert any("Alert coverage (3.2)" in line for line in alert_table.text(report))


def test_no_monitoring_evidence_means_no_table() -> None:
    assert alert_table.rows({"items": [], "extras": {}}) == []
