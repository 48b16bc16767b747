"""The hook's parse cache (collectors/sources/parse_cache.py): a cached parse is the fresh parse,
value for value and line for line; a damaged, foreign or older cache is a miss, never an error;
and a whole collection through the cache gives the snapshot the uncached one gives."""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors import bounded, runner
from gonogo.collectors.sources import parse_cache
from gonogo.collectors.sources.parse_cache import CACHE_FILE, ParseCache
from gonogo.collectors.sources.yaml_parse import LineDict, parse_yaml

from tests.support.cli import REPO

EVERY_TYPE = """\
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 3
  ratio: 0.5
  big: 1e400
  on: yes
  nothing: ~
  when: 2026-12-03T10:00:00+01:00
  day: 2026-12-03
  blob: !!binary aGVsbG8=
  set: !!set {a, b}
  pairs: !!pairs [{x: 1}, {x: 2}]
  omap: !!omap [{one: 1}, {two: 2}]
  anchors: &shared {cpu: 100m}
  reused: *shared
  list:
    - name: a
      value: "1"
    -
      - nested
---
second: document
dup: 1
dup: 2
---
broken: [unclosed
"""


def _lines(value: Any) -> Any:
    """Every mapping's start line and per-key lines, as plain data (equality ignores them)."""
    if isinstance(value, LineDict):
        keys = list(value)
        lines = [(repr(k), value.line_of(k), value.name_line_of(k)) for k in keys]
        return (value.line, lines, [_lines(value[k]) for k in keys])
    if isinstance(value, list):
        return [_lines(item) for item in value]
    return None


def _same(one: Any, other: Any) -> None:
    assert one.documents == other.documents
    assert [_lines(v) for _, v in one.documents] == [_lines(v) for _, v in other.documents]
    assert (one.problem, one.line, one.over_limit, one.warnings) == (
        other.problem, other.line, other.over_limit, other.warnings
    )  # fmt: skip


def test_a_cached_parse_is_the_fresh_parse(tmp_path: Path) -> None:
    fresh = parse_yaml(EVERY_TYPE)
    assert fresh.problem and fresh.warnings and len(fresh.documents) == 2
    first = ParseCache(tmp_path / CACHE_FILE)
    _same(first.parse(EVERY_TYPE, None), fresh)
    first.save()
    second = ParseCache(tmp_path / CACHE_FILE)
    cached = second.parse(EVERY_TYPE, None)
    assert second.added == 0  # read from the file, not parsed
    _same(cached, fresh)
    again = second.parse(EVERY_TYPE, None)
    again.documents[0][1]["spec"]["replicas"] = 1  # no run shares a mutable value with another
    assert second.parse(EVERY_TYPE, None).documents[0][1]["spec"]["replicas"] == 3


def test_other_limits_are_another_entry(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path / CACHE_FILE)
    text = "a: " + "[" * 40 + "]" * 40 + "\n"
    tight = bounded.Limits(max_depth=10)
    assert cache.parse(text, None).problem is None
    assert cache.parse(text, tight).over_limit
    assert cache.added == 2


@pytest.mark.parametrize(
    "damage",
    [b"", b"not marshal", marshal.dumps([1, 2]), marshal.dumps({"version": "old", "entries": {}})],
    ids=["empty", "garbage", "not-a-mapping", "other-version"],
)
def test_a_damaged_or_foreign_cache_is_a_miss(tmp_path: Path, damage: bytes) -> None:
    (tmp_path / CACHE_FILE).write_bytes(damage)
    cache = ParseCache(tmp_path / CACHE_FILE)
    _same(cache.parse(EVERY_TYPE, None), parse_yaml(EVERY_TYPE))
    assert cache.added == 1
    cache.save()
    assert ParseCache(tmp_path / CACHE_FILE).stored  # replaced by a good one


def test_a_damaged_entry_is_parsed_again(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path / CACHE_FILE)
    cache.parse(EVERY_TYPE, None)
    cache.save()
    raw = marshal.loads((tmp_path / CACHE_FILE).read_bytes())
    key = next(iter(raw["entries"]))
    raw["entries"][key] = ([(1, ("m", 1, ["a"], [], [], []))], None, None, False, [])
    (tmp_path / CACHE_FILE).write_bytes(marshal.dumps(raw))
    again = ParseCache(tmp_path / CACHE_FILE)
    _same(again.parse(EVERY_TYPE, None), parse_yaml(EVERY_TYPE))
    assert again.added == 1


def _without_times(snapshot: dict[str, Any]) -> dict[str, Any]:
    snapshot["metadata"].pop("created_at")
    for run in snapshot["collectors"].values():
        run.pop("collected_at")
    return snapshot


def test_a_collection_through_the_cache_is_the_uncached_collection(tmp_path: Path) -> None:
    service = REPO / "examples" / "sample-service"
    config: dict[str, Any] = {}
    uncached = _without_times(runner.collect(service, config))
    first = _without_times(runner.collect(service, config, parse_cache_folder=tmp_path))
    stored = ParseCache(tmp_path / CACHE_FILE).stored
    assert stored and first == uncached
    second = _without_times(runner.collect(service, config, parse_cache_folder=tmp_path))
    assert second == uncached
    assert ParseCache(tmp_path / CACHE_FILE).stored.keys() == stored.keys()


def test_a_failed_collection_writes_no_cache(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), parse_cache.using(tmp_path):
        parse_cache.parse("a: 1\n", None)
        raise RuntimeError("the run failed")
    assert not (tmp_path / CACHE_FILE).exists()
