"""Parse-pool scenarios, each run in a fresh interpreter by test_parse_pool.py: a pool forks,
and a pytest process may hold other tests' threads, with which the pool stays off (and a fork
would be unsafe). `python -m tests.collectors.sources.pool_scenarios <scenario> <tree>` prints
what it saw as JSON."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from gonogo.collectors import runner
from gonogo.collectors.sources import parse_pool
from gonogo.collectors.sources.files import walk
from gonogo.collectors.sources.yaml_parse import parse_yaml

from tests.collectors.sources.test_parse_cache import _same, _without_times

HANDED: list[bool] = []


def _counting_take(self: parse_pool.ParsePool, origin: str, text: str, limits: Any) -> Any:
    parsed = _take(self, origin, text, limits)
    HANDED.append(parsed is not None)
    return parsed


_take = parse_pool.ParsePool.take
parse_pool.ParsePool.take = _counting_take  # type: ignore[method-assign]
parse_pool.MIN_FILES = 1
parse_pool.CHUNK_FILES = 3


def _collect(tree: Path, workers: int) -> dict[str, Any]:
    os.environ[parse_pool.WORKERS_VARIABLE] = str(workers)
    return _without_times(runner.collect(tree, {}))


def same(tree: Path) -> dict[str, Any]:
    alone = _collect(tree, 0)
    handed_alone = len(HANDED)
    pooled = _collect(tree, 1)
    equal = pooled == alone
    return {"equal": equal, "asked_alone": handed_alone, "handed": sum(HANDED), "skipped": pooled["skipped"]}


def _raises(files: list[tuple[str, str, Any]]) -> bytes:
    raise MemoryError("a worker that fails")


def failing(tree: Path) -> dict[str, Any]:
    alone = _collect(tree, 0)
    parse_pool._parse_chunk = _raises  # the forked worker runs this one
    failed = _collect(tree, 1)
    return {"equal": failed == alone, "asked": len(HANDED), "handed": sum(HANDED)}


def _hangs(files: list[tuple[str, str, Any]]) -> bytes:
    time.sleep(3600)
    return b""


def stuck(tree: Path) -> dict[str, Any]:
    alone = _collect(tree, 0)
    parse_pool._parse_chunk = _hangs
    parse_pool.CHUNK_WAIT_SECONDS = 0.5
    began = time.monotonic()
    late = _collect(tree, 1)
    return {"equal": late == alone, "handed": sum(HANDED), "seconds": time.monotonic() - began}


def take(tree: Path) -> dict[str, Any]:
    files = parse_pool.candidates(list(walk(tree, [])))
    pool = parse_pool.ParsePool(files, workers=1)
    compared, again = 0, 0
    try:
        for source in reversed(files):  # the last chunks first: a worker made those
            text = source.text
            if text is None:
                continue
            parsed = pool.take(source.rel, text, source.limits)
            if parsed is not None:
                _same(parsed, parse_yaml(text, source.limits))  # raises when they differ
                compared += 1
            again += pool.take(source.rel, text, source.limits) is not None
    finally:
        pool.close()
    return {"compared": compared, "handed_twice": again}


def changed(tree: Path) -> dict[str, Any]:
    files = parse_pool.candidates(list(walk(tree, [])))
    pool = parse_pool.ParsePool(files, workers=1)
    try:
        last = files[-1]
        before = last.path.read_text()
        pool._chunk(pool._chunk_of[last.rel])  # wait for the worker's answer for that file
        changed_text = pool.take(last.rel, before + "changed: true\n", last.limits)
    finally:
        pool.close()
    return {"changed_taken": changed_text is not None}


if __name__ == "__main__":
    scenario, where = sys.argv[1], Path(sys.argv[2])
    scenarios = {"same": same, "failing": failing, "take": take, "changed": changed, "stuck": stuck}
    print(json.dumps(scenarios[scenario](where)))
