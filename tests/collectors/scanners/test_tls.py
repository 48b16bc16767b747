"""The scanners collector on SSLyze JSON reports made by the real tool: sslyze 6.3.1
`--certinfo_ca_file=ca.pem --json_out=...` against two local servers with a certificate from a
test CA, one accepting TLS 1.3 only and one accepting TLS 1.2 and 1.3 (fixtures/README.md)."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from gonogo.collectors.base import CollectContext
from gonogo.collectors.runner import collect
from gonogo.collectors.scanners import ScannersCollector, tls
from gonogo.collectors.shape import UnreadableReport
from gonogo.collectors.sources.files import walk

from gonogo.schema_validation import schema_errors

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "tls"
NOW = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)


def _reports(root: Path) -> tuple[dict, list[str]]:
    ctx = CollectContext(root=root, files=list(walk(root, [])), config={}, now=NOW, collector="scanners")
    return ScannersCollector().collect(ctx)["security"]["scans"]["tls"], ctx.warnings


def test_tls13_only_server():
    reports, warnings = _reports(FIXTURES)
    assert warnings == []
    report = reports["sslyze-tls13-only.json"]
    assert (report["tool"], report["version"]) == ("sslyze", "6.3.1")
    [server] = report["servers"]
    assert server["target"] == "shop.example.com:443" and server["scanned"] is True
    assert server["protocols"] == {
        "SSLv2": False,
        "SSLv3": False,
        "TLSv1.0": False,
        "TLSv1.1": False,
        "TLSv1.2": False,
        "TLSv1.3": True,
    }
    cert = server["certificate"]
    assert cert["subject"] == "CN=shop.example.com" and cert["valid"] is True
    assert cert["trusted_by"] == ["Supplied CA file"]
    # the expiry date as RFC 3339 UTC; the days left are counted in Rego from the snapshot's time
    assert cert["not_after"] == "2027-03-02T01:39:25Z" and "days_to_expiry" not in cert


def test_a_naive_expiry_is_read_as_utc_and_an_unreadable_one_is_none():
    doc = json.loads((FIXTURES / "sslyze-tls13-only.json").read_text())
    deployment = doc["server_scan_results"][0]["scan_result"]["certificate_info"]["result"]
    leaf = deployment["certificate_deployments"][0]["received_certificate_chain"][0]
    leaf["not_valid_after"] = "2027-03-02T01:39:25"
    assert tls.parse(doc)[2][0].certificate["not_after"] == "2027-03-02T01:39:25Z"
    leaf["not_valid_after"] = "next spring"
    assert tls.parse(doc)[2][0].certificate["not_after"] is None


def test_server_accepting_tls12():
    reports, _ = _reports(FIXTURES)
    [server] = reports["sslyze-tls12-accepted.json"]["servers"]
    assert server["protocols"]["TLSv1.2"] is True and server["protocols"]["TLSv1.3"] is True


def test_no_pem_or_cipher_list_reaches_the_facts():
    reports, _ = _reports(FIXTURES)
    text = json.dumps(reports)
    assert "BEGIN CERTIFICATE" not in text and "TLS_AES_128_GCM_SHA256" not in text


def test_an_incomplete_scan_command_is_unknown_not_refused():
    doc = json.loads((FIXTURES / "sslyze-tls13-only.json").read_text())
    doc["server_scan_results"][0]["scan_result"]["tls_1_2_cipher_suites"]["status"] = "ERROR"
    [server] = tls.parse(doc)[2]
    assert server.protocols["TLSv1.2"] is None


def test_an_unreachable_server_is_not_scanned():
    doc = json.loads((FIXTURES / "sslyze-tls13-only.json").read_text())
    doc["server_scan_results"][0]["connectivity_status"] = "ERROR"
    [server] = tls.parse(doc)[2]
    assert server.scanned is False and server.protocols == {}


@pytest.mark.parametrize("path", [("server_scan_results",), ("server_scan_results", 0, "server_location")])
def test_wrong_shape_is_unreadable(path):
    doc = copy.deepcopy(json.loads((FIXTURES / "sslyze-tls13-only.json").read_text()))
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = "not this"
    with pytest.raises(UnreadableReport):
        tls.parse(doc)


def test_snapshot_validates_against_the_schema():
    snapshot = collect(FIXTURES, {}, only=["context", "scanners"], now=NOW)
    assert "errors" not in snapshot["collectors"]["scanners"]
    assert schema_errors("snapshot.schema.json", snapshot) == []
