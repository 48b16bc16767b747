"""`gonogo check --probe` (gonogo.api.check, the real OPA) against HTTPS servers on 127.0.0.1."""

from __future__ import annotations

import socket
import ssl
from pathlib import Path
from typing import Any

import pytest

from gonogo.api import check
from tests.collectors.probe.probe_servers import (
    GOOD_HEADERS,
    LOOSE_HEADERS,
    Authority,
    https_server,
    redirect_server,
)
from tests.support.cli import item_criterion

FIXTURES = Path(__file__).parents[1] / "scanners" / "fixtures"
pytestmark = [pytest.mark.opa, pytest.mark.slow]
PROBE_ITEMS = ("2.1.3", "2.2.2", "2.2.9", "2.3.5", "7.2.5")


def _check(port: int, authority: Authority, **extra: Any) -> dict[str, Any]:
    options = {
        "probe_url": f"https://127.0.0.1:{port}/",
        "probe_ca": str(authority.pem_path),
        "probe_timeout": 3,
        **extra,
    }
    report = check(FIXTURES / "clean", options=options)
    return {item["id"]: item for item in report["items"]}


def test_good_server_passes(authority, tmp_path):
    cert, key = authority.issue(tmp_path, "good", valid_days=90)
    with (
        https_server(cert, key, GOOD_HEADERS) as port,
        redirect_server(f"https://127.0.0.1:{port}") as http_port,
    ):
        items = _check(port, authority, probe_http_url=f"http://127.0.0.1:{http_port}/")
    assert {i: items[i]["verdict"] for i in ("2.2.2", "2.2.9", "2.3.5", "7.2.5")} == dict.fromkeys(
        ("2.2.2", "2.2.9", "2.3.5", "7.2.5"), "pass"
    )
    assert "negotiated TLSv1.3" in items["2.2.9"]["criteria"][0]["message"]
    rac = items["2.1.2"]
    assert item_criterion(rac, "Rate limiting active (100 req/min per IP)")["verdict"] == "pass"
    assert item_criterion(rac, "CORS policies configured")["verdict"] == "pass"
    assert item_criterion(items["2.1.1"], "Session management secure")["verdict"] == "pass"


def test_tls12_only_server_fails_tls_items(authority, tmp_path):
    cert, key = authority.issue(tmp_path, "legacy", valid_days=90)
    with https_server(cert, key, GOOD_HEADERS, ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_2) as port:
        items = _check(port, authority)
    message = items["2.2.9"]["criteria"][0]["message"]
    assert items["2.2.9"]["verdict"] == "fail"
    assert "negotiated TLSv1.2, TLS 1.3 or newer required" in message
    assert "accepts a TLSv1.2 handshake" in message
    assert item_criterion(items["2.1.3"], "TLS 1.3 encryption enforced")["verdict"] == "fail"


def test_server_missing_headers_fails_header_items(authority, tmp_path):
    cert, key = authority.issue(tmp_path, "bare", valid_days=90)
    with https_server(cert, key, LOOSE_HEADERS) as port:
        items = _check(port, authority)
    assert items["2.3.5"]["verdict"] == "fail"
    assert (
        "missing content-security-policy, referrer-policy, strict-transport-security"
        in (items["2.3.5"]["criteria"][0]["message"])
    )
    assert items["2.2.2"]["verdict"] == "fail"
    assert items["7.2.5"]["verdict"] == "fail"
    assert (
        "Access-Control-Allow-Origin *"
        in item_criterion(items["2.1.2"], "CORS policies configured")["message"]
    )
    assert (
        "cookie session lacks Secure/HttpOnly/SameSite"
        in item_criterion(items["2.1.1"], "Session management secure")["message"]
    )


def test_certificate_expiring_in_five_days_fails(authority, tmp_path):
    cert, key = authority.issue(tmp_path, "expiring", valid_days=5)
    with https_server(cert, key, GOOD_HEADERS) as port:
        items = _check(port, authority)
    assert items["2.2.9"]["verdict"] == "fail"
    assert "expires in 5 days < 30" in items["2.2.9"]["criteria"][0]["message"]


def test_unreachable_endpoint_is_error_not_pending():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    report = check(
        FIXTURES / "clean", options={"probe_url": f"https://127.0.0.1:{port}/", "probe_timeout": 1}
    )
    items = {item["id"]: item for item in report["items"]}
    assert {i: items[i]["verdict"] for i in PROBE_ITEMS} == dict.fromkeys(PROBE_ITEMS, "error")
    assert "refused" in items["2.2.9"]["criteria"][0]["message"].lower()
