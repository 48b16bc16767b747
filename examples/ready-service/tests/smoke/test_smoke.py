"""Post-deployment smoke suite: run by the deploy workflow's smoke job against SHOP_URL right
after the rollout; a failure starts the rollback job."""

from __future__ import annotations

import os

import pytest
import requests

BASE = os.environ.get("SHOP_URL", "https://shop.example")

pytestmark = pytest.mark.smoke


@pytest.fixture(scope="session", autouse=True)
def _record_phase(record_testsuite_property) -> None:  # noqa: ANN001 (pytest fixture)
    record_testsuite_property("environment", os.environ.get("SHOP_ENV", "production"))
    record_testsuite_property("phase", "post-deployment")


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_check_endpoint(path: str) -> None:
    assert requests.get(BASE + path, timeout=5).status_code == 200


@pytest.mark.parametrize("flow", ["login", "checkout"])
def test_critical_user_flow(flow: str) -> None:
    page = {"login": "/account/login", "checkout": "/checkout"}[flow]
    answer = requests.get(BASE + page, timeout=10)
    assert answer.status_code == 200
    assert "text/html" in answer.headers["content-type"]
