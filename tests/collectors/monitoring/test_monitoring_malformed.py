"""Malformed fields (a list where a mapping belongs, a number for a kind...) never crash the
collector and never break the section's schema: they are treated as absent."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from gonogo.schema_validation import schema_errors

WRONG_VALUES: list[Any] = [5, "x", [], {}, None, [1], {"a": 1}, True, 2.5, "{{ .Values.x }}"]


def node_paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in items:
        yield from node_paths(child, (*prefix, key))


def replace(node: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


@pytest.mark.parametrize("seed", range(4))
def test_random_wrong_types_in_fixture_documents(
    seed: int, tmp_path: Path, fixtures_dir: Path, collect_folder
) -> None:
    rng = random.Random(seed)
    sources = sorted(
        p for p in fixtures_dir.rglob("*") if p.suffix in (".yaml", ".yml", ".json") and p.is_file()
    )
    tried = 0
    for trial in range(60):
        source = rng.choice(sources)
        try:
            documents = [d for d in yaml.safe_load_all(source.read_text()) if d is not None]
        except yaml.YAMLError:
            continue  # the fixture that is deliberately not YAML
        if not documents:
            continue
        target = rng.randrange(len(documents))
        paths = [p for p in node_paths(documents[target]) if p]
        if not paths:
            continue
        replace(documents[target], rng.choice(paths), copy.deepcopy(rng.choice(WRONG_VALUES)))
        folder = tmp_path / str(trial)
        folder.mkdir()
        text = json.dumps(documents[0]) if source.suffix == ".json" else yaml.safe_dump_all(documents)
        (folder / f"doc{source.suffix}").write_text(text)
        section, _ = collect_folder(folder)
        assert schema_errors("collectors/monitoring/schema.json#/properties/monitoring", section) == [], (
            source
        )
        tried += 1
    assert tried > 30
