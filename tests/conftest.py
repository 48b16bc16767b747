"""Shared fixtures. Tests that drive OPA use the real binary; a missing OPA fails, never skips."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "sample-service"
# The sample service's rehearsal dates and waiver expiry are judged as on this day, so the
# expectations below do not rot as the calendar moves (gonogo honours SOURCE_DATE_EPOCH).
EXAMPLE_DAY = {"SOURCE_DATE_EPOCH": str(int(datetime(2026, 11, 29, 12, tzinfo=UTC).timestamp()))}


@pytest.fixture(scope="session")
def opa_bin() -> str:
    from gonogo.evaluator.opa_binary import check_opa, find_opa

    from gonogo.errors import OpaError

    try:
        return check_opa(find_opa()).path
    except OpaError as exc:  # fail, not skip: CI must never pass for lack of OPA
        pytest.fail(f"the real OPA is required for these tests: {exc}")


def run_gonogo(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """The installed console script, as users run it."""
    command = [str(Path(sys.executable).with_name("gonogo")), *args]
    return subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture(scope="session")
def example_report(opa_bin: str) -> dict[str, Any]:
    result = run_gonogo("check", str(EXAMPLES), "--format", "json", env=EXAMPLE_DAY)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)
