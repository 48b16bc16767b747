"""api.judge(early=True), as `gonogo check` uses it: the `server` engine's OPA starts before the
collectors run. Its reports are the ones `opa eval` gives; a block that fails leaves no OPA
running; a block longer than --timeout (a long collection) does not cost the query its deadline;
and the CLI's check uses it by default."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from gonogo.evaluator.engine import EngineOptions

from gonogo import api
from gonogo.config import find_config, load_config
from gonogo.errors import OpaError
from tests.support.cli import EXAMPLE_DAY, EXAMPLES

NOW = datetime(2026, 11, 1, tzinfo=UTC)
pytestmark = pytest.mark.opa


def _comparable(report: dict[str, Any]) -> dict[str, Any]:
    provenance = {k: v for k, v in report["provenance"].items() if k not in ("opa_transport", "evaluated_at")}
    return {**report, "provenance": provenance}


def _servers_of_this_process() -> list[int]:
    """The `opa run --server` processes this test process started and has not reaped."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == os.getpid() and b"run" in command and b"--server" in command:
            found.append(int(entry.name))
    return found


def test_an_early_server_judges_as_opa_eval_does(opa_bin: str) -> None:
    config = load_config(find_config(EXAMPLES, None))
    with api.judge(config, EngineOptions(transport="server", opa_bin=opa_bin), early=True) as judging:
        assert len(_servers_of_this_process()) == 1  # started before anything was collected
        snapshot = api.collect_with_config(EXAMPLES, config)
        early = judging.report(snapshot, config, now=NOW)
    alone = api.evaluate(snapshot, config, EngineOptions(opa_bin=opa_bin), now=NOW)
    assert early["provenance"]["opa_transport"] == "server"
    assert _comparable(early) == _comparable(alone)
    assert _servers_of_this_process() == []


def test_a_failed_collection_leaves_no_server_running(opa_bin: str) -> None:
    options = EngineOptions(transport="server", opa_bin=opa_bin)
    with pytest.raises(RuntimeError, match="collection failed"), api.judge({}, options, early=True):
        assert _servers_of_this_process()
        raise RuntimeError("collection failed")
    assert _servers_of_this_process() == []


def test_a_collection_longer_than_the_timeout_keeps_the_query_its_deadline(opa_bin: str) -> None:
    """--timeout bounds the start (ready within it) and the query, each; not the collection."""
    snapshot, config = api.collect(EXAMPLES)
    options = EngineOptions(transport="server", opa_bin=opa_bin, timeout=8.0)
    with api.judge(config, options, early=True) as judging:
        time.sleep(8.5)  # a collection that takes longer than --timeout
        report = judging.report(snapshot, config, now=NOW)
    assert report["provenance"]["opa_transport"] == "server"


def test_a_server_that_cannot_start_blocks_at_the_query(tmp_path: Path) -> None:
    """An OPA that exits at once is an error when the report is asked for, never a report."""
    broken = tmp_path / "opa"
    broken.write_text("#!/bin/sh\ncase \"$1\" in version) echo 'Version: 1.22.3';; *) exit 3;; esac\n")
    broken.chmod(0o755)
    snapshot, config = api.collect(EXAMPLES)
    options = EngineOptions(transport="server", opa_bin=str(broken))
    refused = pytest.raises(OpaError, match="before it was ready")
    with api.judge(config, options, early=True) as judging, refused:
        judging.report(snapshot, config, now=NOW)


def test_check_uses_the_early_server_by_default(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    environment = {k: v for k, v in os.environ.items() if k != "GONOGO_ENGINE"}
    result = subprocess.run(
        [str(Path(sys.executable).with_name("gonogo")), "check", str(EXAMPLES), "-f", "json", "-o", str(out)],
        capture_output=True, text=True, timeout=120, env={**environment, **EXAMPLE_DAY}, check=False,
    )  # fmt: skip
    assert result.returncode in (0, 1, 3), result.stderr
    assert json.loads(out.read_text())["provenance"]["opa_transport"] == "server"
