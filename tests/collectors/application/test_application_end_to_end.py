"""`gonogo check` (gonogo.api.check, every collector, the real OPA) on the application fixtures:
the criteria the application collector serves reach pass on `pass/` and fail on `fail/`."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from gonogo.api import check

pytestmark = [pytest.mark.opa, pytest.mark.slow]

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONFIG = "service: shop\ncontext:\n  serves_eu_users: true\n  serves_ca_users: true\n  uses_redis: true\n"

CRITERIA = {
    "2.1.2": ("IP whitelisting supported", "API key validation enforced"),
    "2.1.3": ("Certificate pinning configured", "Request/response signing"),
    "8.1.1": ("Cookie consent implemented", "Data export functionality", "Right to deletion implemented"),
    "8.1.2": ("Opt-out mechanism available",),
    "4.2.2": ("Cache invalidation strategy defined", "TTL policies configured"),
}


def _report(case: str, tmp_path: Path) -> dict[str, dict[str, Any]]:
    root = tmp_path / case
    shutil.copytree(FIXTURES / case, root)
    (root / "gonogo.yaml").write_text(CONFIG)
    report = check(root, root / "gonogo.yaml")
    return {item["id"]: item for item in report["items"]}


def _verdicts(item: dict[str, Any]) -> dict[str, str]:
    return {c["text"]: c["verdict"] for c in item["criteria"]}


@pytest.mark.parametrize("case", ["pass", "fail"])
def test_criteria_follow_the_fixtures(case: str, tmp_path: Path) -> None:
    items = _report(case, tmp_path)
    for item_id, texts in CRITERIA.items():
        verdicts = _verdicts(items[item_id])
        assert {text: verdicts[text] for text in texts} == dict.fromkeys(texts, case), item_id
    strategy = items["7.2.1"]
    assert strategy["verdict"] == case
    if case == "pass":
        assert strategy["criteria"][0]["message"] == "3 caching layers: application, edge, http"
    else:
        assert strategy["criteria"][0]["message"].startswith("1 caching layer(s) (application) < 2")


def test_nothing_found_leaves_the_criteria_pending(tmp_path: Path) -> None:
    items = _report("empty", tmp_path)
    for item_id, texts in CRITERIA.items():
        verdicts = _verdicts(items[item_id])
        expected = dict.fromkeys(texts, "pending")
        assert {text: verdicts[text] for text in texts} == expected, item_id
    # uses_redis is typed (declared) and no cache was collected: nothing to judge, never a fail
    ttl = next(c for c in items["4.2.2"]["criteria"] if c["text"] == "TTL policies configured")
    assert ttl["message"] == "no cache (Redis, cache settings or a Redis client) collected"
