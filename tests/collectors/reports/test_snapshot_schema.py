"""The quality section the collector writes validates against collectors/reports/schema.json."""

from __future__ import annotations

from pathlib import Path

from gonogo.collectors.runner import collect

from gonogo.schema_validation import schema_errors
from tests.collectors.reports.reports_helpers import FIXTURES


def test_every_fixture_together_is_a_valid_snapshot():
    config = {"paths": {"exclude": ["sample_project/*"]}, "thresholds": {"coverage.core_modules": "app.core"}}
    snapshot = collect(FIXTURES, config, only=["context", "reports"])
    assert schema_errors("snapshot.schema.json", snapshot) == []
    assert "errors" not in snapshot["collectors"]["reports"]
    quality = snapshot["quality"]
    assert len(quality["coverage"]["reports"]) == 7 and len(quality["tests"]["reports"]) == 8
    assert len(quality["load_tests"]["runs"]) == 11 and len(quality["load_tests"]["memory"]) == 4
    assert len(quality["benchmarks"]["reports"]) == 5


def test_degenerate_facts_are_valid_too(tmp_path: Path):
    (tmp_path / "memory.csv").write_text("elapsed_s,rss_bytes\n0,1000\n")
    (tmp_path / "lcov.info").write_text("SF:a.py\nend_of_record\n")
    snapshot = collect(tmp_path, {}, only=["reports"])
    assert schema_errors("snapshot.schema.json", snapshot) == []
    assert snapshot["quality"]["load_tests"]["memory"]["memory.csv"]["samples"] == 1
