"""`gonogo check` (the real OPA) on folders holding incident-operations evidence in its real
formats: a Terraform plan (fixtures/build_operations_plans.py), GitHub issue templates, an
iCalendar file and an on-call runbook. The ready folder passes what evidence alone can pass;
the gaps folder fails each item with the object and the reason."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from gonogo.api import check
from tests.collectors.terraform.fixtures.build_operations_plans import CANARY, gaps, ready, write

pytestmark = [pytest.mark.opa, pytest.mark.slow]

REPOSITORY = Path(__file__).resolve().parents[1] / "repository" / "fixtures"


def _items(root: Path) -> dict[str, Any]:
    (root / "gonogo.yaml").write_text("service: shop\n")
    report = check(root, root / "gonogo.yaml")
    assert CANARY not in json.dumps(report)
    return {item["id"]: item for item in report["items"]}


def _criterion(item: dict[str, Any]) -> dict[str, Any]:
    (criterion,) = item["criteria"]
    return criterion


def test_ready_operations_pass_from_the_plan_and_the_repository(tmp_path):
    soon = datetime.now(UTC) + timedelta(days=10)
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    write(tmp_path / "infra", ready(soon.strftime(stamp), (soon + timedelta(hours=2)).strftime(stamp)))
    shutil.copytree(REPOSITORY / "github-incident" / ".github", tmp_path / ".github")
    items = _items(tmp_path)
    verdicts = {
        i: items[i]["verdict"]
        for i in ("6.2.1", "6.2.2", "6.2.5", "6.3.2", "6.3.4", "6.3.5", "10.1.7", "10.3.3")
    }
    assert verdicts == dict.fromkeys(verdicts, "pass")
    assert _criterion(items["6.2.1"])["evidence"] == ["infra/plan.json:pagerduty_schedule.primary"]
    assert "2 people" in _criterion(items["6.2.1"])["message"]
    assert "Incident report" in _criterion(items["6.3.5"])["message"]
    # evidence that needs a person's word stays pending until attested
    assert items["6.2.3"]["verdict"] == "pending" and items["6.2.4"]["verdict"] == "pending"
    assert "all 2 on-call people are in a Grafana team" in _criterion(items["6.2.4"])["message"]
    assert items["6.3.3"]["verdict"] == "pending"
    assert "no record that it was tested" in _criterion(items["6.3.3"])["message"]


def test_gaps_fail_each_item_naming_what_is_missing(tmp_path):
    write(tmp_path / "infra", gaps())
    shutil.copytree(REPOSITORY / "no-incident" / ".github", tmp_path / ".github")
    shutil.copy(REPOSITORY / "calendars" / "past.ics", tmp_path / "past.ics")
    items = _items(tmp_path)
    expected = {
        "6.2.1": "fail",
        "6.2.2": "fail",
        "6.3.2": "fail",
        "6.3.4": "fail",
        "6.3.5": "fail",
        "10.1.7": "fail",
    }
    assert {i: items[i]["verdict"] for i in expected} == expected
    assert "1 people, 1 layer(s)" in _criterion(items["6.2.1"])["message"]
    assert "1 level(s), 1 target(s)" in _criterion(items["6.2.2"])["message"]
    assert "has no members and no synced group" in _criterion(items["6.3.2"])["message"]
    assert "is not public" in _criterion(items["6.3.4"])["message"]
    assert "none for incidents" in _criterion(items["6.3.5"])["message"]
    assert "every maintenance window found has ended" in _criterion(items["10.1.7"])["message"]
    # the Opsgenie rotation that is on covers office hours only: gonogo does not add up restrictions
    assert items["10.3.3"]["verdict"] == "pending"
    assert "active layers have time restrictions" in _criterion(items["10.3.3"])["message"]
    # an e-mail-only contact point is no chat channel, and nothing there says there is none
    assert items["6.2.5"]["verdict"] == "pending"
