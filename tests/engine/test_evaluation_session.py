"""api.evaluation_session: many reports from one warm OPA server, each the report api.evaluate
gives for the same snapshot, each answer checked (nonce) as in a one-shot run."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from gonogo.evaluator.engine import EngineOptions

from gonogo import api
from gonogo.errors import ConfigError
from tests.support.cli import EXAMPLES

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def _comparable(report: dict[str, Any]) -> dict[str, Any]:
    provenance = {k: v for k, v in report["provenance"].items() if k not in ("opa_transport", "evaluated_at")}
    return {**report, "provenance": provenance}


@pytest.mark.opa
def test_a_session_gives_the_reports_evaluate_gives(opa_bin: str) -> None:
    snapshot, config = api.collect(EXAMPLES)
    alone = api.evaluate(snapshot, config, EngineOptions(opa_bin=opa_bin), now=NOW)
    with api.evaluation_session(EngineOptions(opa_bin=opa_bin)) as report:
        first, second = report(snapshot, config, now=NOW), report(snapshot, config, now=NOW)
        with pytest.raises(ConfigError, match="policies: of its own"):
            report(snapshot, {**config, "policies": ["checklist"], "_path": str(EXAMPLES / "gonogo.yaml")})
    assert first["provenance"]["opa_transport"] == "server"
    assert _comparable(first) == _comparable(second) == _comparable(alone)
