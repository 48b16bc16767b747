"""The verdicts on examples/sample-service, criterion by criterion, against a saved report.

Restructuring must not move a verdict. A change that is meant to move one regenerates the saved
report on purpose (`GONOGO_UPDATE_GOLDEN=1 .venv/bin/pytest tests/core/test_examples_golden.py`)
and the diff of tests/data/golden/ shows reviewers exactly which verdicts and messages moved.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tests.support.cli import REPO

GOLDEN = REPO / "tests" / "data" / "golden" / "sample-service.json"


def _essentials(report: dict[str, Any]) -> dict[str, Any]:
    return {
        "decision": report["decision"],
        "summary": report["summary"],
        "items": {
            item["id"]: {
                "verdict": item["verdict"],
                "severity": item["severity"],
                "criteria": [
                    {key: criterion.get(key) for key in ("text", "verdict", "message", "evidence")}
                    for criterion in item["criteria"]
                ],
            }
            for item in report["items"]
        },
    }


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=1, sort_keys=True))


def test_sample_service_verdicts_match_the_saved_report(example_report: dict[str, Any]) -> None:
    current = _essentials(example_report)
    if os.environ.get("GONOGO_UPDATE_GOLDEN") == "1":
        _write(GOLDEN, current)
    saved = json.loads(GOLDEN.read_text())
    assert current["decision"] == saved["decision"]
    assert current["summary"] == saved["summary"]
    assert sorted(current["items"]) == sorted(saved["items"])
    moved = {
        item_id: {"saved": saved["items"][item_id], "now": current["items"][item_id]}
        for item_id in saved["items"]
        if current["items"][item_id] != saved["items"][item_id]
    }
    assert not moved, json.dumps(moved, indent=1)[:4000]
