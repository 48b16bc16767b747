"""The probe against real HTTPS servers on 127.0.0.1, with a CA the tests create."""

from __future__ import annotations

import json
import socket
import ssl
from datetime import UTC, datetime
from pathlib import Path

import pytest
from gonogo.collectors.base import CollectContext
from gonogo.collectors.probe import ProbeCollector

from tests.collectors.probe.probe_servers import (
    GOOD_HEADERS,
    LOOSE_HEADERS,
    Authority,
    https_server,
    redirect_server,
)


def _collect(options: dict) -> dict:
    ctx = CollectContext(
        root=Path("."), files=[], config={}, now=datetime.now(UTC), options=options, collector="probe"
    )
    return ProbeCollector().collect(ctx)


def _days_left(certificate: dict) -> int:
    """Days from now to the recorded not_after (Rego counts them from the snapshot's time)."""
    assert "days_to_expiry" not in certificate
    expires = datetime.fromisoformat(certificate["not_after"].replace("Z", "+00:00"))
    return (expires - datetime.now(UTC)).days


def _probe(port: int, authority: Authority, **extra: object) -> dict:
    options = {
        "probe_url": f"https://127.0.0.1:{port}/",
        "probe_ca": str(authority.pem_path),
        "probe_timeout": 3,
        **extra,
    }
    return _collect(options)["security"]["probe"]


def test_without_probe_url_nothing_is_contacted_and_nothing_returned():
    assert _collect({}) == {}


def test_good_server_tls13_only_with_all_headers(authority, tmp_path):
    cert, key = authority.issue(tmp_path, "good", valid_days=90)
    with (
        https_server(cert, key, GOOD_HEADERS) as port,
        redirect_server(f"https://127.0.0.1:{port}") as http_port,
    ):
        facts = _probe(port, authority, probe_http_url=f"http://127.0.0.1:{http_port}/")
    assert "error" not in facts
    assert facts["tls"]["negotiated"] == "TLSv1.3"
    assert facts["tls"]["old_versions"]["TLSv1.2"]["refused"] is True
    assert facts["tls"]["old_versions"]["TLSv1.1"]["refused"] in (True, None)
    assert facts["certificate"]["valid"] is True
    assert 89 <= _days_left(facts["certificate"]) <= 90
    assert facts["hsts"] == {"max_age": 31536000, "include_subdomains": True, "preload": True}
    assert facts["csp"]["frame_ancestors"] is True and facts["csp"]["unsafe_inline_scripts"] is False
    assert facts["headers"]["x-content-type-options"] == "nosniff"
    assert facts["cors"]["allows_foreign_origin"] is False
    assert facts["rate_limit"]["limit"] == 100 and facts["rate_limit"]["per_minute"] == 100
    assert facts["cookies"] == [{"name": "session", "secure": True, "httponly": True, "samesite": "strict"}]
    assert facts["redirect"]["redirects_to_https"] is True
    assert facts["health"]["/healthz"] == 200 and facts["health"]["/health"] == 404
    assert "canary-cookie-value" not in json.dumps(facts)


def test_tls12_only_server_negotiates_tls12_and_accepts_it(authority, tmp_path):
    cert, key = authority.issue(tmp_path, "legacy", valid_days=90)
    with https_server(cert, key, GOOD_HEADERS, ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_2) as port:
        facts = _probe(port, authority)
    assert facts["tls"]["negotiated"] == "TLSv1.2"
    assert facts["tls"]["old_versions"]["TLSv1.2"]["refused"] is False
    assert facts["redirect"]["checked"] is False


def test_server_missing_headers_and_answering_any_origin(authority, tmp_path):
    cert, key = authority.issue(tmp_path, "bare", valid_days=90)
    with https_server(cert, key, LOOSE_HEADERS) as port:
        facts = _probe(port, authority)
    assert facts["headers"] == {}
    assert facts["hsts"] is None and facts["csp"] is None
    assert facts["cors"]["allow_origin"] == "*" and facts["cors"]["allows_foreign_origin"] is True
    assert facts["rate_limit"]["limit"] is None
    assert facts["cookies"] == [{"name": "session", "secure": False, "httponly": False, "samesite": ""}]
    assert "canary-cookie-value" not in json.dumps(facts)


def test_certificate_expiring_in_five_days(authority, tmp_path):
    cert, key = authority.issue(tmp_path, "expiring", valid_days=5)
    with https_server(cert, key, GOOD_HEADERS) as port:
        facts = _probe(port, authority)
    assert facts["certificate"]["valid"] is True
    assert 4 <= _days_left(facts["certificate"]) <= 5


def test_untrusted_certificate_is_recorded_invalid_and_headers_still_read(authority, tmp_path):
    cert, key = authority.issue(tmp_path, "untrusted", valid_days=90)
    with https_server(cert, key, GOOD_HEADERS) as port:
        facts = _collect({"probe_url": f"https://127.0.0.1:{port}/", "probe_timeout": 3})["security"]["probe"]
    assert facts["certificate"]["valid"] is False
    assert (
        "certificate verify failed" in facts["certificate"]["error"]
        or "unable to get" in facts["certificate"]["error"]
    )
    assert facts["headers"]["x-frame-options"] == "DENY"


def test_unreachable_endpoint_is_an_error_fact_without_credentials():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    facts = _collect(
        {
            "probe_url": f"https://user:canary-pass@127.0.0.1:{port}/x?token=canary-token",
            "probe_timeout": 1,
            "probe_attempts": 2,
        }
    )["security"]["probe"]
    assert "refused" in facts["error"].lower()
    assert facts["url"] == f"https://127.0.0.1:{port}/x"
    assert "canary" not in json.dumps(facts)


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "not a url"])
def test_non_https_url_is_an_error_fact(url):
    facts = _collect({"probe_url": url})["security"]["probe"]
    assert "https://" in facts["error"]
