"""Shared fixtures. Tests that drive OPA use the real binary; a missing OPA fails, never skips."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from tests.support.cli import EXAMPLE_DAY, EXAMPLES, run_gonogo

# No per-example deadline: property tests judge results, not speed (make bench does), and on a
# loaded CI machine one example can take past Hypothesis' default 200 ms.
settings.register_profile("gonogo", deadline=None)
settings.load_profile("gonogo")


@pytest.fixture(scope="session", autouse=True)
def private_warm_servers() -> Iterator[Path]:
    """The warm OPA servers the tests start (the hook's default engine) live in a folder of this
    session, and are stopped when it ends: no test reuses a server of the developer's, none outlives
    the run."""
    from gonogo.evaluator.warm_control import stop_all

    root = Path(tempfile.mkdtemp(prefix="gw-", dir="/tmp"))  # short: a socket path holds ~100 bytes
    before = os.environ.get("GONOGO_WARM_DIR")
    os.environ["GONOGO_WARM_DIR"] = str(root)
    try:
        yield root
    finally:
        stop_all(root)
        shutil.rmtree(root, ignore_errors=True)
        if before is None:
            os.environ.pop("GONOGO_WARM_DIR", None)
        else:
            os.environ["GONOGO_WARM_DIR"] = before


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
