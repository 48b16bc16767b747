"""The scanners collector on reports made by the real tools (Bandit SARIF, pip-audit) or written to
each format's documented schema (tests/collectors/scanners/fixtures/README.md says which is which)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from gonogo.collectors.base import CollectContext
from gonogo.collectors.runner import collect
from gonogo.collectors.scanners import ScannersCollector
from gonogo.collectors.sources.files import walk

from gonogo.schema_validation import schema_errors
from tests.collectors.scanners.folders import fixtures

FIXTURES = fixtures()
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def _security(folder: str, config: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[str]]:
    root = FIXTURES / folder
    ctx = CollectContext(
        root=root, files=list(walk(root, [])), config=config or {}, now=NOW, collector="scanners"
    )
    return ScannersCollector().collect(ctx)["security"], ctx.warnings


@pytest.fixture(scope="module")
def vulnerable() -> dict[str, Any]:
    return _security("vulnerable")[0]


@pytest.fixture(scope="module")
def clean() -> dict[str, Any]:
    return _security("clean")[0]


@pytest.mark.parametrize(
    ("file", "tool", "kind", "counts"),
    [
        ("trivy-image.json", "trivy", "image", {"critical": 1, "high": 1}),
        ("trivy-fs.json", "trivy", "dependencies", {"high": 1}),
        ("grype.json", "grype", "dependencies", {"critical": 1, "low": 1}),
        ("npm-audit.json", "npm-audit", "dependencies", {"critical": 2, "medium": 1}),
        ("osv-scanner.json", "osv-scanner", "dependencies", {"critical": 1}),
        ("pip-audit.json", "pip-audit", "dependencies", {"unknown": 3}),
    ],
)
def test_vulnerability_reports_found_by_content(vulnerable, file, tool, kind, counts):
    report = vulnerable["scans"]["vulnerabilities"][file]
    assert (report["tool"], report["kind"]) == (tool, kind)
    expected = {"critical": 0, "high": 0, "medium": 0, "low": 0, "unknown": 0, **counts}
    assert report["counts"] == expected
    assert report["provenance"]["ref"] == file


def test_trivy_image_names_the_image_and_fix(vulnerable):
    report = vulnerable["scans"]["vulnerabilities"]["trivy-image.json"]
    assert report["target"] == "ghcr.io/example/shop-api:2.0.0"
    assert report["top"][0] == {
        "id": "CVE-2023-38545",
        "package": "curl",
        "version": "8.1.2-r0",
        "severity": "critical",
        "fixed_version": "8.4.0-r0",
    }
    assert report["fixable"]["critical"] == 1


def test_osv_groups_aliases_into_one_finding(vulnerable):
    report = vulnerable["scans"]["vulnerabilities"]["osv-scanner.json"]
    assert report["findings"] == 1
    assert report["top"][0]["fixed_version"] == "41.0.2"


def test_snyk_container_deduplicates_paths(clean):
    report = clean["scans"]["vulnerabilities"]["snyk-container.json"]
    assert (report["tool"], report["kind"], report["target"]) == (
        "snyk",
        "image",
        "ghcr.io/example/shop-web:1.4.2",
    )
    assert report["counts"]["medium"] == 1 and report["top"][0]["fixed_version"] == "2.36-9+deb12u7"


def test_grype_image_and_negligible_is_low(clean):
    report = clean["scans"]["vulnerabilities"]["grype-image.json"]
    assert report["kind"] == "image" and report["target"] == "ghcr.io/example/shop-worker:1.4.2"
    assert report["counts"]["low"] == 1 and report["fixable"]["low"] == 0


def test_real_pip_audit_run_without_vulnerability_service_is_not_an_audit(vulnerable):
    report = vulnerable["scans"]["vulnerabilities"]["pip-audit-unreachable.json"]
    assert report["findings"] == 0
    assert report["not_audited_count"] == 7 and "jinja2" in report["not_audited"]


def test_real_bandit_sarif_findings_by_cwe(vulnerable):
    sast = vulnerable["sast"]
    assert sast["reports"]["bandit.sarif"]["tool"] == "bandit"
    assert 89 in sast["reports"]["bandit.sarif"]["covered_cwes"]
    assert sast["by_cwe"]["89"] == [
        {
            "tool": "bandit",
            "rule": "B608",
            "level": "warning",
            "ref": "app/views.py:12",
            "report": "bandit.sarif",
        }
    ]
    assert [f["rule"] for f in sast["by_cwe"]["79"]] == ["B701"]


def test_clean_bandit_run_has_no_findings(clean):
    assert clean["sast"]["reports"]["bandit.sarif"]["findings"] == 0
    assert clean["sast"]["by_cwe"] == {}


def test_zap_alerts_headers_and_owasp_categories(vulnerable):
    zap = vulnerable["scans"]["dast"]["zap-report.json"]
    assert zap["missing_headers"] == [
        "content-security-policy",
        "strict-transport-security",
        "x-content-type-options",
    ]
    assert zap["csrf_alerts"] == ["10202"] and zap["xss_alerts"] == ["40012"]
    assert zap["alerts"]["40012"] == {
        "name": "Cross Site Scripting (Reflected)",
        "risk": "high",
        "count": 1,
        "cwe": 79,
        "owasp": "A03:2021 Injection",
    }


def test_pentest_attestations(clean, vulnerable):
    good = clean["pentest"]["attestations"]["pentest.yaml"]
    # its date, not an age: the age is counted in Rego from the snapshot's time
    assert good["date"] == "2026-10-12" and "age_days" not in good
    assert good["open_findings"]["high"] == 0 and good["problems"] == []
    old = vulnerable["pentest"]["attestations"]["pentest.yaml"]
    assert old["date"] == "2025-03-02" and old["open_findings"]["high"] == 1


def test_incomplete_pentest_attestation_lists_problems(tmp_path):
    (tmp_path / "pentest.json").write_text(
        json.dumps(
            {
                "kind": "PenetrationTestAttestation",
                "tester": "X",
                "date": "last week",
                "findings": {"high": "none"},
            }
        )
    )
    ctx = CollectContext(
        root=tmp_path, files=list(walk(tmp_path, [])), config={}, now=NOW, collector="scanners"
    )
    record = ScannersCollector().collect(ctx)["security"]["pentest"]["attestations"]["pentest.json"]
    assert record["problems"] == [
        "missing scope",
        "missing report",
        "date is not an ISO date",
        "findings.high is not a count",
    ]


def test_ignore_list_active_expired_and_malformed():
    config = {
        "vulnerabilities": {
            "ignore": [
                {
                    "id": "CVE-2023-38545",
                    "package": "curl",
                    "reason": "not reachable",
                    "expires": "2027-01-31",
                },
                {"id": "CVE-2019-10906", "reason": "old decision", "expires": "2026-01-01"},
                {"id": "GHSA-4w2v-q235-vp99", "reason": "no expiry"},
            ]
        }
    }
    security, warnings = _security("vulnerable", config)
    image = security["scans"]["vulnerabilities"]["trivy-image.json"]
    assert image["counts"]["critical"] == 0
    assert image["ignored"][0]["id"] == "CVE-2023-38545" and image["ignored"][0]["until"] == "2027-01-31"
    fs = security["scans"]["vulnerabilities"]["trivy-fs.json"]
    assert fs["counts"]["high"] == 1 and fs["expired_ignores"][0]["expired"] == "2026-01-01"
    assert security["scans"]["vulnerabilities"]["grype.json"]["counts"]["critical"] == 1
    assert security["scans"]["ignore_list"]["active"] == 1
    assert any("vulnerabilities.ignore[2]" in w for w in warnings)


def test_ignore_matches_aliases():
    config = {
        "vulnerabilities": {"ignore": [{"id": "CVE-2018-18074", "reason": "r", "expires": "2030-01-01"}]}
    }
    security, _ = _security("vulnerable", config)
    assert [i["id"] for i in security["scans"]["vulnerabilities"]["pip-audit.json"]["ignored"]] == [
        "PYSEC-2018-28"
    ]


def test_dependency_signals_with_file_and_line(clean):
    signals = clean["dependencies"]["signals"]
    assert [(s["package"], s["ref"]) for s in signals["password_hasher"]] == [
        ("bcrypt", "requirements.txt:4")
    ]
    assert signals["jwt"][0]["package"] == "pyjwt" and signals["jwt"][0]["ref"] == "requirements.txt:5"
    assert signals["template_engine"][0]["ref"] == "package.json:6"
    assert clean["dependencies"]["code"]["autoescape_enabled"] == [
        {"pattern": "select_autoescape()", "ref": "app/views.py:13"}
    ]


def test_manifest_formats():
    security, _ = _security("manifests")
    manifests = security["dependencies"]["manifests"]
    assert {k: v["format"] for k, v in manifests.items()} == {
        "poetry.lock": "poetry-lock",
        "pyproject.toml": "pyproject",
        "requirements-dev.txt": "requirements",
        "uv.lock": "uv-lock",
        "web/package-lock.json": "package-lock",
    }
    refs = {s: [f["ref"] for f in facts] for s, facts in security["dependencies"]["signals"].items() if facts}
    assert refs["password_hasher"] == ["pyproject.toml:7", "web/package-lock.json:7"]
    assert refs["mfa"] == ["poetry.lock:4", "pyproject.toml:15"]
    assert refs["rate_limiter"] == ["poetry.lock:12", "web/package-lock.json:11"]
    assert refs["jwt"] == ["pyproject.toml:11", "uv.lock:10"]
    assert refs["csrf_protection"] == ["uv.lock:5"]
    assert refs["redis_client"] == ["requirements-dev.txt:6"]
    assert security["dependencies"]["code"]["autoescape_disabled"] == [
        {"pattern": "dangerouslySetInnerHTML", "ref": "web/App.jsx:2"}
    ]


def test_nothing_found_is_present_but_empty(tmp_path):
    (tmp_path / "README.md").write_text("# nothing here\n")
    ctx = CollectContext(
        root=tmp_path, files=list(walk(tmp_path, [])), config={}, now=NOW, collector="scanners"
    )
    security = ScannersCollector().collect(ctx)["security"]
    assert security["scans"]["vulnerabilities"] == {} and security["scans"]["dast"] == {}
    assert security["sast"] == {"reports": {}, "by_cwe": {}}
    assert security["pentest"] == {"attestations": {}}
    assert security["dependencies"]["manifests"] == {}


@pytest.mark.parametrize("folder", ["clean", "vulnerable", "manifests"])
def test_snapshot_validates_against_the_schema(folder):
    snapshot = collect(FIXTURES / folder, {}, only=["context", "scanners"], now=NOW)
    assert "errors" not in snapshot["collectors"]["scanners"]
    assert schema_errors("snapshot.schema.json", snapshot) == []


def test_secrets_in_reports_never_reach_the_snapshot():
    # Canaries: the password Bandit quotes in its message and snippet, the secret Trivy's secret
    # scanner matched, the form value in a ZAP instance's evidence.
    raw = "".join(
        (FIXTURES / "vulnerable" / name).read_text()
        for name in ("bandit.sarif", "trivy-image.json", "zap-report.json")
    )
    assert "canary-hunter2" in raw and "canary-AKIA" in raw and "canary-zap" in raw
    snapshot = collect(FIXTURES / "vulnerable", {}, only=["context", "scanners"], now=NOW)
    assert "canary" not in json.dumps(snapshot)
