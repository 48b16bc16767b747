"""A Prometheus rules file named `*.rules` and a dashboard named `*.dashboard` are read by the
monitoring collector, by content (issue 15, class 3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gonogo.collectors import runner

RULES = """# node alerts, as a rule collection publishes them
groups:
  - name: node
    rules:
      - alert: NodeFilesystemAlmostFull
        expr: node_filesystem_avail_bytes{fstype!="tmpfs"} / node_filesystem_size_bytes < 0.10
        for: 15m
        labels:
          severity: critical
        annotations:
          summary: "Filesystem on {{ $labels.instance }} is almost full"
          runbook_url: https://runbooks.example.com/node-filesystem
"""

DASHBOARD = {
    "title": "Storefront API",
    "uid": "storefront-api",
    "schemaVersion": 39,
    "panels": [
        {
            "type": "timeseries",
            "title": "Request rate",
            "targets": [{"expr": 'sum(rate(http_requests_total{job="storefront"}[5m]))'}],
        }
    ],
}


def _collect(folder: Path, only: list[str]) -> dict[str, Any]:
    return runner.collect(folder, {}, only=only)


def test_a_rules_file_named_dot_rules_is_read_by_the_monitoring_collector(tmp_path: Path):
    (tmp_path / "prometheus").mkdir()
    (tmp_path / "prometheus" / "node.rules").write_text(RULES)
    snapshot = _collect(tmp_path, ["monitoring"])
    alert = snapshot["monitoring"]["alerts"]["NodeFilesystemAlmostFull"]
    assert alert["provenance"]["ref"] == "prometheus/node.rules:5"
    assert snapshot["skipped"] == []


def test_a_dashboard_with_an_unusual_suffix_is_read_as_json(tmp_path: Path):
    (tmp_path / "api.dashboard").write_text(json.dumps(DASHBOARD, indent=2))
    snapshot = _collect(tmp_path, ["monitoring"])
    titles = [d["title"] for d in snapshot["monitoring"]["grafana"]["dashboards"].values()]
    assert titles == ["Storefront API"]
