"""Parsing ahead in worker processes (collectors/sources/parse_pool.py): a collection with the
pool is the collection without it; a parse made ahead is used only for the very text the
collecting process read; a failing worker costs a parse in place, never a file or an error; and
the pool stays off where it cannot help or would not be safe."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.sources import parse_cache, parse_pool
from gonogo.collectors.sources.files import walk

from tests.collectors.sources.test_parse_cache import EVERY_TYPE
from tests.support.cli import REPO

DEPLOYMENT = """\
apiVersion: apps/v1
kind: Deployment
metadata: {{name: web-{n}, namespace: shop}}
spec:
  replicas: {n}
  template:
    spec:
      containers:
        - name: web
          image: registry.example/web:1.{n}
          env:
            - name: DB_PASSWORD
              value: hunter{n}
"""


def _tree(tmp_path: Path) -> Path:
    tree = tmp_path / "service"
    shutil.copytree(REPO / "examples" / "sample-service", tree)
    extra = tree / "deploy" / "generated"
    extra.mkdir(parents=True)
    for n in range(12):
        (extra / f"web-{n:02}.yaml").write_text(DEPLOYMENT.format(n=n))
    (extra / "every-type.yaml").write_text(EVERY_TYPE)  # duplicate keys, a broken third document
    (extra / "binary.yaml").write_bytes(b"kind: Secret\n\0\1\2")
    (extra / "chart.yaml").write_text("kind: Deployment\nmetadata:\n  name: {{ .Values.name }}\n")
    return tree


def _scenario(name: str, tree: Path, timeout: float = 300) -> dict[str, Any]:
    """One scenario of pool_scenarios.py in a fresh interpreter (the pool on for any tree, one
    worker, chunks of 3 files)."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.collectors.sources.pool_scenarios", name, str(tree)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,  # a worker left running would hold the output open past it
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_collection_with_the_pool_is_the_collection_without_it(tmp_path: Path) -> None:
    seen = _scenario("same", _tree(tmp_path))
    assert seen["asked_alone"] == 0  # GONOGO_PARSE_WORKERS=0: no pool
    assert seen["handed"] > 0, "no parse was made ahead: the pool did not run"
    assert seen["equal"]
    assert any(entry["path"].endswith("binary.yaml") for entry in seen["skipped"])


def test_a_parse_made_ahead_is_the_parse_made_in_place(tmp_path: Path) -> None:
    seen = _scenario("take", _tree(tmp_path))
    assert seen["compared"] > 0 and seen["handed_twice"] == 0


def test_a_file_changed_since_its_worker_read_it_is_parsed_again(tmp_path: Path) -> None:
    assert _scenario("changed", _tree(tmp_path)) == {"changed_taken": False}


def test_a_failing_worker_costs_a_parse_in_place(tmp_path: Path) -> None:
    seen = _scenario("failing", _tree(tmp_path))
    assert seen["asked"] > 0 and seen["handed"] == 0  # asked, never answered
    assert seen["equal"]


def test_a_stuck_worker_is_stopped_and_its_files_parsed_in_place(tmp_path: Path) -> None:
    seen = _scenario("stuck", _tree(tmp_path), timeout=120)
    assert seen["equal"] and seen["handed"] == 0
    assert seen["seconds"] < 60


@pytest.mark.parametrize("why", ["cache", "thread", "small", "off"])
def test_the_pool_stays_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, why: str) -> None:
    def no_pool(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the pool started")

    monkeypatch.setattr(parse_pool, "ParsePool", no_pool)
    monkeypatch.setattr(parse_pool, "MIN_FILES", 1)
    monkeypatch.setenv(parse_pool.WORKERS_VARIABLE, "1")
    files = list(walk(_tree(tmp_path), []))
    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)
    context: Any = parse_cache.using(tmp_path) if why == "cache" else contextlib.nullcontext()
    if why == "thread":
        waiting.start()
    if why == "small":
        monkeypatch.setattr(parse_pool, "MIN_FILES", len(files) + 1)
    if why == "off":
        monkeypatch.setenv(parse_pool.WORKERS_VARIABLE, "0")
    try:
        with context, parse_pool.parsing_ahead(files):
            assert all(isinstance(f.yaml_documents, list) for f in files)
    finally:
        stop.set()
        if waiting.is_alive():
            waiting.join()
