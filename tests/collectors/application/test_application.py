"""The application collector on fixtures in the real formats: OpenAPI 3.0/3.1, Kong decK, Kubernetes
and Istio manifests, a Terraform plan (terraform show -json), Android network security config,
an iOS Info.plist, package.json, Python, JSX, nginx.conf, redis.conf, Markdown."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.application import ApplicationCollector
from gonogo.collectors.application.openapi import classify_route
from gonogo.collectors.base import CollectContext
from gonogo.collectors.sources.files import walk

from gonogo.schema_validation import file_validator

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def _collect(case: str) -> dict[str, Any]:
    root = FIXTURES / case
    ctx = CollectContext(root=root, files=list(walk(root, [])), config={}, now=NOW, collector="application")
    return ApplicationCollector().collect(ctx)


def _vias(facts: dict[str, Any], group: str, name: str) -> set[str]:
    return {f["via"] for f in facts["security"]["application"][group][name]}


def _details(facts: dict[str, Any], group: str, name: str) -> set[str]:
    return {f["detail"] for f in facts["security"]["application"][group][name]}


@pytest.fixture(scope="module")
def passing() -> dict[str, Any]:
    return _collect("pass")


@pytest.fixture(scope="module")
def failing() -> dict[str, Any]:
    return _collect("fail")


def test_output_matches_its_schema(passing: dict[str, Any], failing: dict[str, Any]) -> None:
    validator = file_validator(
        Path(__file__).resolve().parents[3] / "collectors" / "application" / "schema.json"
    )
    for output in (passing, failing, _collect("empty")):
        assert list(validator.iter_errors(output)) == []


def test_nothing_found_is_every_list_empty() -> None:
    tables = _collect("empty")["security"]["application"]
    assert all(not facts for group in tables.values() for facts in group.values())


def test_ip_allowlists_from_ingress_waf_and_nginx(passing: dict[str, Any], failing: dict[str, Any]) -> None:
    assert _vias(passing, "access_control", "ip_allowlists") == {
        "annotation nginx.ingress.kubernetes.io/whitelist-source-range",
        "aws_wafv2_web_acl rule with ip_set_reference_statement",
        "nginx allow/deny",
    }
    assert _details(failing, "access_control", "ip_allowlist_gaps") == {
        "Ingress/shop/admin: the allow-list admits every address"
    }
    assert not failing["security"]["application"]["access_control"]["ip_allowlists"]


def test_api_keys_from_openapi_kong_and_api_gateway(passing: dict[str, Any], failing: dict[str, Any]) -> None:
    assert _vias(passing, "access_control", "api_keys") == {
        "OpenAPI 3.0.3 apiKey security (document-wide)",
        "Kong key-auth plugin (global)",
        "aws_api_gateway_method api_key_required",
    }
    assert "4 of 5 operations require an API key, 1 declared public (security: [])" in _details(
        passing, "access_control", "api_keys"
    )
    assert not passing["security"]["application"]["access_control"]["api_key_gaps"]
    assert _details(failing, "access_control", "api_key_gaps") == {
        "no apiKey security scheme (3 operations)",
        "service orders: 1 route(s) without key-auth",
        "GET: api_key_required false and authorization NONE",
    }


def test_certificate_pins_and_what_defeats_them(passing: dict[str, Any], failing: dict[str, Any]) -> None:
    assert _vias(passing, "integrity", "certificate_pins") == {
        "Android pin-set",
        "iOS NSPinnedDomains",
        "Istio DestinationRule subjectAltNames",
    }
    assert _details(failing, "integrity", "pinning_gaps") == {
        "pins expired on 2024-01-31",
        "DestinationRule/shop/payments-egress: no subjectAltNames, "
        "any certificate of a trusted CA is accepted",
    }
    assert not failing["security"]["application"]["integrity"]["certificate_pins"]


def test_request_signing(passing: dict[str, Any], failing: dict[str, Any]) -> None:
    assert _vias(passing, "integrity", "signing") == {
        "HMAC signature check",
        "Istio PeerAuthentication mTLS STRICT",
    }
    assert _vias(failing, "integrity", "signing_gaps") == {"Istio PeerAuthentication mTLS PERMISSIVE"}
    assert not failing["security"]["application"]["integrity"]["signing"]


def test_data_subject_operations(passing: dict[str, Any], failing: dict[str, Any]) -> None:
    assert _details(passing, "privacy", "data_export") == {"GET /users/{userId}/export"}
    assert _details(passing, "privacy", "data_deletion") == {"DELETE /users/{userId}", "DELETE /me"}
    assert _details(passing, "privacy", "opt_out") == {"POST /privacy/opt-out", "1 occurrence(s)"}
    for name in ("data_export", "data_deletion", "opt_out"):
        assert not failing["security"]["application"]["privacy"][name]
    assert _vias(failing, "privacy", "apis") == {"OpenAPI 3.1.0", "routes in code"}


@pytest.mark.parametrize(
    ("method", "path", "kinds"),
    [
        ("delete", "/users/{id}", ["data_deletion"]),
        ("delete", "/v1/account", ["data_deletion"]),
        ("delete", "/users/{id}/sessions/{sid}", []),
        ("delete", "/orders/{id}", []),
        ("post", "/me/erase", ["data_deletion"]),
        ("get", "/users/<int:user_id>/export", ["data_export"]),
        ("get", "/reports/export", []),
        ("post", "/privacy/do-not-sell", ["opt_out"]),
        ("get", "/users/{id}", []),
    ],
)
def test_route_classification(method: str, path: str, kinds: list[str]) -> None:
    assert classify_route(method, path) == kinds


def test_cookie_consent_and_frontends(passing: dict[str, Any], failing: dict[str, Any]) -> None:
    assert _details(passing, "privacy", "cookie_consent") == {"vanilla-cookieconsent (vanilla-cookieconsent)"}
    assert _details(failing, "privacy", "web_frontends") == {"react", "react-dom"}
    assert not failing["security"]["application"]["privacy"]["cookie_consent"]


def test_caching(passing: dict[str, Any], failing: dict[str, Any]) -> None:
    caching = passing["security"]["application"]["caching"]
    assert _vias(passing, "caching", "invalidation") == {"cache delete()"}
    assert caching["invalidation_documented"][0]["count"] == 74
    assert {
        "config/redis.conf: allkeys-lfu",
        "ConfigMap/shop/redis-config: allkeys-lru",
        "aws_elasticache_parameter_group.cache: volatile-lru",
        "default: TIMEOUT set",
        "per-key TTL in code",
    } == _details(passing, "caching", "ttl")
    assert _vias(passing, "caching", "http_caching") == {"nginx expires", "nginx add_header Cache-Control"}
    assert _vias(passing, "caching", "edge_caching") == {"nginx proxy_cache"}
    # a comment mentioning cache.delete() is not a call
    assert not failing["security"]["application"]["caching"]["invalidation"]
    assert _details(failing, "caching", "ttl_gaps") == {
        "default: TIMEOUT None (entries never expire)",
        "config/redis.conf: noeviction (keys never evicted)",
        "aws_elasticache_parameter_group.cache: noeviction (keys never evicted)",
    }


def test_no_key_pin_or_address_range_reaches_the_snapshot(passing: dict[str, Any]) -> None:
    text = json.dumps(passing)
    for value in (
        "gonogo-canary-kong-key-5d1e",
        "7HIpactkIAq2Y49orFOOQKurWxmmSFZhBCoQYcRhJ3Y=",
        "10.0.0.0/8",
        "203.0.113.0/24",
    ):
        assert value not in text


def test_provenance_names_file_and_line(passing: dict[str, Any]) -> None:
    refs = {f["provenance"]["ref"] for f in passing["security"]["application"]["privacy"]["data_deletion"]}
    assert refs == {"api/openapi.yaml:18", "app/webhooks.py:23"}


def test_a_file_of_unexpected_shape_costs_that_file_only() -> None:
    root = FIXTURES / "broken"
    ctx = CollectContext(root=root, files=list(walk(root, [])), config={}, now=NOW, collector="application")
    facts = ApplicationCollector().collect(ctx)
    assert ctx.warnings == ["kong.yaml: not read by the application collector: unexpected shape (TypeError)"]
    assert ctx.skipped == [
        {"file": "kong.yaml", "reason": "unexpected shape (TypeError)", "feeds": ["security.application"]}
    ]
    assert _vias(facts, "access_control", "api_keys") == {"OpenAPI 3.0.3 apiKey security (document-wide)"}


def test_ingress_nginx_rate_limits_and_cors(passing: dict[str, Any], failing: dict[str, Any]) -> None:
    traffic = passing["security"]["application"]["traffic"]
    [per_ip] = traffic["rate_limits"]
    assert (per_ip["via"], per_ip["count"]) == ("ingress-nginx limit-rpm", 100)
    assert per_ip["detail"] == "Ingress/shop/admin: 100 requests per minute per client IP"
    [tenant] = traffic["tenant_rate_limits"]
    assert tenant["count"] == 1000 and tenant["detail"].endswith("per value of request header x_tenant_id")
    [cors] = traffic["cors"]
    assert cors["count"] == 2 and "shop.example.com" not in cors["detail"]
    assert traffic["cors_gaps"] == []
    failed = failing["security"]["application"]["traffic"]
    assert [(f["via"], f["count"]) for f in failed["rate_limits"]] == [("ingress-nginx limit-rps", 3000)]
    assert failed["tenant_rate_limits"] == [] and failed["cors"] == []
    assert _details(failing, "traffic", "cors_gaps") == {
        "Ingress/shop/admin: enable-cors allows every origin (cors-allow-origin unset)"
    }
