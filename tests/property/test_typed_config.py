"""No edit of gonogo.yaml alone makes examples/sample-service APPROVED (issue #8).

Hypothesis draws what a user could type: every context flag true or false, thresholds loosened
to anything of their declared type, unsigned waivers (allowed) for any items, any minimum score.
The sample service has critical failures (an SQL injection, a critical CVE) and critical items
that only evidence or a signature decides, so whatever is typed, the decision stays NEEDS_WORK.
The snapshot is collected once; each drawn configuration is evaluated by the real OPA.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from gonogo.evaluator.catalog import load_catalog
from gonogo.evaluator.decision import NEEDS_WORK
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gonogo import api
from gonogo.config import declared_thresholds
from gonogo.paths import policies_dir
from tests.support.cli import EXAMPLES

pytestmark = pytest.mark.opa

FLAGS = [
    "serves_eu_users", "serves_ca_users", "data_residency_required", "processes_payments", "uses_stripe",
    "handles_phi", "uses_redis", "uses_gpu", "uses_cdn", "multi_region", "sends_email", "sends_sms",
    "uses_cloud_storage", "needs_maintenance_window", "has_database",
]  # fmt: skip
NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def sample() -> tuple[dict[str, Any], list[str], dict[str, Any]]:
    snapshot, _ = api.collect(EXAMPLES)
    ids = [item.id for item in load_catalog(policies_dir())]
    return snapshot, ids, {name: t.default for name, t in declared_thresholds().items()}


def _loosened(default: Any) -> st.SearchStrategy[Any]:
    if isinstance(default, bool):
        return st.booleans()
    if isinstance(default, int | float):
        return st.sampled_from([0, 1, 10**9, -1, default * 100, default / 100])
    return st.just(default)


@st.composite
def typed_config(draw: st.DrawFn, ids: list[str], defaults: dict[str, Any]) -> dict[str, Any]:
    context = {flag: draw(st.booleans()) for flag in FLAGS}
    names = draw(st.lists(st.sampled_from(sorted(defaults)), unique=True, max_size=len(defaults)))
    thresholds = {name: draw(_loosened(defaults[name])) for name in names}
    waived = draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
    entries = [{"id": i, "reason": "typed", "approver": "anyone", "expires": "2026-12-20"} for i in waived]
    min_score = draw(st.sampled_from([0, 1, 50, 80]))
    return {
        "context": context,
        "thresholds": thresholds,
        "waivers": {"allow_unsigned": True, "max_days": 365, "entries": entries},
        "decision": {"min_score": min_score},
    }


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_typed_configuration_approves_the_sample_service(
    sample: tuple[dict[str, Any], list[str], dict[str, Any]], data: st.DataObject
) -> None:
    snapshot, ids, defaults = sample
    config = data.draw(typed_config(ids, defaults))
    typed = {
        **snapshot,
        "context": {**snapshot.get("context", {}), **config["context"]},
        "settings": {"thresholds": config["thresholds"]},
    }
    report = api.evaluate(typed, config, now=NOW)
    assert report["decision"] == NEEDS_WORK
    assert not [w for w in report["waivers"] if w["status"] == "applied" and w["id"] in _critical(report)]


def _critical(report: dict[str, Any]) -> set[str]:
    return {e["id"] for e in report["items"] if e["severity"] == "critical"}
