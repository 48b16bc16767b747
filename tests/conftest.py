"""Shared fixtures. Tests that drive OPA use the real binary; a missing OPA fails, never skips."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.cli import EXAMPLE_DAY, EXAMPLES, run_gonogo


@pytest.fixture(scope="session")
def opa_bin() -> str:
    from gonogo.evaluator.opa_binary import check_opa, find_opa

    from gonogo.errors import OpaError

    try:
        return check_opa(find_opa()).path
    except OpaError as exc:  # fail, not skip: CI must never pass for lack of OPA
        pytest.fail(f"the real OPA is required for these tests: {exc}")


@pytest.fixture(scope="session")
def example_report(opa_bin: str) -> dict[str, Any]:
    result = run_gonogo("check", str(EXAMPLES), "--format", "json", env=EXAMPLE_DAY)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)
