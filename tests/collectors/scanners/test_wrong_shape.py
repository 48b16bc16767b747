"""A recognised scanner report of the wrong shape is skipped evidence, never a clean scan (issue #11)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.scanners import sarif, vulnerabilities, zap
from gonogo.collectors.shape import UnreadableReport

from gonogo.api import check
from tests.collectors.scanners.folders import fixtures

TRIVY = {"SchemaVersion": 2, "ArtifactName": "img:1", "ArtifactType": "container_image"}
GRYPE = {"descriptor": {"name": "grype"}, "source": {"type": "image"}}
PIP_AUDIT = {"fixes": []}
NPM = {"auditReportVersion": 2}
SNYK = {"ok": False, "packageManager": "pip"}

WRONG_VULNERABILITY_REPORTS = {
    "trivy results a string": {**TRIVY, "Results": "nope"},
    "trivy results an object": {**TRIVY, "Results": {"a": 1}},
    "trivy result a number": {**TRIVY, "Results": [3]},
    "trivy vulnerabilities a string": {**TRIVY, "Results": [{"Vulnerabilities": "CVE-1"}]},
    "trivy vulnerability a list": {**TRIVY, "Results": [{"Vulnerabilities": [["CVE-1"]]}]},
    "grype without matches": GRYPE,
    "grype matches a string": {**GRYPE, "matches": "none"},
    "grype match without vulnerability": {**GRYPE, "matches": [{"artifact": {}}]},
    "pip-audit dependencies a string": {**PIP_AUDIT, "dependencies": "x"},
    "pip-audit dependency without vulns": {**PIP_AUDIT, "dependencies": [{"name": "a"}]},
    "pip-audit vulns an object": {**PIP_AUDIT, "dependencies": [{"name": "a", "vulns": {}}]},
    "npm vulnerabilities a list": {**NPM, "vulnerabilities": []},
    "npm vulnerability a string": {**NPM, "vulnerabilities": {"lodash": "high"}},
    "snyk vulnerabilities an object": {**SNYK, "vulnerabilities": {}},
    "snyk vulnerability a string": {**SNYK, "vulnerabilities": ["SNYK-1"]},
}


@pytest.mark.parametrize("doc", WRONG_VULNERABILITY_REPORTS.values(), ids=WRONG_VULNERABILITY_REPORTS)
def test_a_recognised_vulnerability_report_of_the_wrong_shape_is_unreadable(doc: dict[str, Any]):
    with pytest.raises(UnreadableReport) as raised:
        vulnerabilities.parse(doc)
    assert "nope" not in str(raised.value) and "CVE-1" not in str(raised.value)  # names fields, not values


def test_a_trivy_report_without_results_is_a_clean_scan():
    scan = vulnerabilities.parse(TRIVY)
    assert scan is not None and scan.findings == []


WRONG_SARIF = {
    "runs a string": {"version": "2.1.0", "runs": "x"},
    "run a number": {"version": "2.1.0", "runs": [1]},
    "results an object": {"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": {}}]},
    "no tool": {"version": "2.1.0", "runs": [{"results": []}]},
    "rules a string": {"version": "2.1.0", "runs": [{"tool": {"driver": {"rules": "r"}}}]},
}


@pytest.mark.parametrize("doc", WRONG_SARIF.values(), ids=WRONG_SARIF)
def test_a_sarif_log_of_the_wrong_shape_is_unreadable(doc: dict[str, Any]):
    assert sarif.is_sarif(doc)
    with pytest.raises(UnreadableReport):
        sarif.parse(doc)


@pytest.mark.parametrize(
    "doc",
    [
        {"@programName": "ZAP"},
        {"@programName": "ZAP", "site": "x"},
        {"@programName": "ZAP", "site": [{"alerts": "a"}]},
        {"@programName": "ZAP", "site": [{"alerts": [1]}]},
    ],
)
def test_a_zap_report_of_the_wrong_shape_is_unreadable(doc: dict[str, Any]):
    assert zap.is_zap(doc)
    with pytest.raises(UnreadableReport):
        zap.parse(doc)


@pytest.mark.opa
@pytest.mark.slow
def test_a_malformed_trivy_report_keeps_the_vulnerability_items_from_passing(tmp_path: Path):
    folder = tmp_path / "service"
    shutil.copytree(fixtures() / "clean", folder)
    (folder / "trivy-broken.json").write_text(json.dumps({**TRIVY, "Results": "nope"}))
    report = check(folder)
    items = {item["id"]: item for item in report["items"]}
    for item in ("2.3.1", "10.1.2"):
        assert items[item]["verdict"] == "pending", item
        assert "trivy-broken.json" in json.dumps(items[item]["criteria"])
    run = report["collectors"]["scanners"]
    assert any("trivy-broken.json" in warning for warning in run["warnings"])
    assert run["skipped"][0]["file"] == "trivy-broken.json"
    assert "nope" not in json.dumps(run)
