"""The compiled validator (jsonschema-rs) is only a fast path: whenever it calls a document valid,
jsonschema agrees, and every "invalid" and every message comes from jsonschema
(gonogo/schema_validation.py)."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

import pytest
from gonogo.collectors.runner import collect

from gonogo import schema_validation
from gonogo.config import find_config, load_config
from tests.support.cli import REPO

SAMPLE = REPO / "examples" / "sample-service"
MUTATIONS = ({"unexpected": True}, "a string", 7, None, [], -1.5, "not-a-date")


@pytest.fixture(scope="module")
def snapshot() -> dict[str, Any]:
    collected = collect(SAMPLE, load_config(find_config(SAMPLE, None)))
    return json.loads(json.dumps(collected))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):
            found += _paths(value, (*prefix, index))
    return found


def _set(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(document)
    target = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed


def test_a_valid_snapshot_takes_the_fast_path(snapshot: dict[str, Any]) -> None:
    checker = schema_validation.validator("snapshot.schema.json")
    assert schema_validation.jsonschema_rs is not None, "jsonschema-rs is a dependency"
    assert schema_validation._fast_says_valid(checker, snapshot)
    assert schema_validation.validation_errors(checker, snapshot) == []


def test_the_fast_path_never_accepts_what_jsonschema_rejects(snapshot: dict[str, Any]) -> None:
    checker = schema_validation.validator("snapshot.schema.json")
    paths = _paths(snapshot)
    rng = random.Random(12)
    rejected = 0
    for path in rng.sample(paths, min(120, len(paths))):
        mutated = _set(snapshot, path, rng.choice(MUTATIONS))
        slow = sorted(checker.iter_errors(mutated), key=lambda e: list(e.path))
        if schema_validation._fast_says_valid(checker, mutated):
            assert not slow, (path, slow[0].message)
        if slow:
            rejected += 1
            # the errors reported are jsonschema's, worded without the value
            assert schema_validation.validation_errors(checker, mutated)
    assert rejected > 40  # the sweep did reach the schema's rules


def test_a_collector_section_is_checked_the_same_way() -> None:
    schema = next(p for p in schema_validation.collector_schema_paths() if p.parent.name == "scanners")
    checker = schema_validation.file_validator(schema)
    assert schema_validation.validation_errors(checker, {"security": "nope"})
