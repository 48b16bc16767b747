"""`gonogo check` (gonogo.api.check, the real OPA) on the scanner fixture folders."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from gonogo.api import check
from tests.collectors.scanners.folders import fixtures

FIXTURES = fixtures()
pytestmark = [pytest.mark.opa, pytest.mark.slow]

ITEMS = (
    "2.2.1",
    "2.2.2",
    "2.2.3",
    "2.2.4",
    "2.2.5",
    "2.2.6",
    "2.3.1",
    "2.3.2",
    "2.3.3",
    "2.3.4",
    "2.3.5",
    "10.1.2",
)


def _items(folder: str, config: Path | None = None) -> dict[str, Any]:
    report = check(FIXTURES / folder, config)
    return {item["id"]: item for item in report["items"]}


def test_clean_reports_pass_every_scanner_item():
    items = _items("clean")
    # a hand-written pen-test record is declared: on the high 2.3.4 it waits for the Security Lead's signature
    assert {i: items[i]["verdict"] for i in ITEMS} == {**dict.fromkeys(ITEMS, "pass"), "2.3.4": "pending"}
    assert "declared only" in items["2.3.4"]["criteria"][0]["message"]
    assert (
        "trivy of ghcr.io/example/shop-web:1.4.2 (trivy-image.json): 1 high, 1 low"
        in (items["10.1.2"]["criteria"][0]["message"])
    )
    # probe items stay pending: nothing is contacted without --probe
    assert items["2.2.9"]["verdict"] == "pending" and items["7.2.5"]["verdict"] == "pending"


def test_vulnerable_reports_fail_every_scanner_item_with_the_number_behind_it():
    items = _items("vulnerable")
    assert {i: items[i]["verdict"] for i in ITEMS} == dict.fromkeys(ITEMS, "fail")
    messages = {i: items[i]["criteria"][0]["message"] for i in ITEMS}
    assert "1 at or above critical (CVE-2023-38545 curl)" in messages["2.3.1"]
    assert "7 packages not audited" in messages["2.3.2"]
    assert "B608 app/views.py:12 (bandit)" in messages["2.2.1"]
    # Age is counted from the snapshot's creation (today), so the expected number moves with the date.
    age = (datetime.now(UTC).date() - date(2025, 3, 2)).days
    assert f"{age} days old > 365" in messages["2.3.4"] or f"{age - 1} days old > 365" in messages["2.3.4"]
    assert "40012 Cross Site Scripting (Reflected) [high, A03:2021 Injection] x1" in messages["2.3.3"]


def test_ignore_list_and_threshold_from_gonogo_yaml(tmp_path):
    config = tmp_path / "gonogo.yaml"
    config.write_text(
        "thresholds:\n"
        "  security.vulnerability_block_severity: high\n"
        "vulnerabilities:\n"
        "  ignore:\n"
        "    - id: CVE-2023-38545\n"
        "      package: curl\n"
        "      reason: curl is not called at run time\n"
        "      expires: 2099-01-31\n"
    )
    items = _items("vulnerable", config)
    message = items["2.3.1"]["criteria"][0]["message"]
    assert "1 at or above high (CVE-2023-5363 libcrypto3)" in message
    assert "CVE-2023-38545" not in message


def test_block_severity_threshold_from_gonogo_yaml(tmp_path):
    config = tmp_path / "gonogo.yaml"
    config.write_text("thresholds:\n  security.vulnerability_block_severity: high\n")
    items = _items("clean", config)
    assert items["10.1.2"]["verdict"] == "fail"
    assert (
        "(trivy-image.json): 1 at or above high (CVE-2023-45853 zlib1g)"
        in (items["10.1.2"]["criteria"][0]["message"])
    )
