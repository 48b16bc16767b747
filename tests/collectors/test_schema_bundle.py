"""The bundled snapshot schema (one document, no $ref) judges snapshots as the composed one does."""

from __future__ import annotations

import json
import subprocess
import sys

from gonogo.collectors.runner import collect
from jsonschema import Draft202012Validator

from gonogo.schema_validation import bundled_snapshot_schema, schema_errors
from tests.support.cli import EXAMPLES


def test_bundle_has_no_refs_and_no_type_lists() -> None:
    text = json.dumps(bundled_snapshot_schema())
    assert '"$ref"' not in text
    assert '"type": [' not in text


def test_bundle_accepts_the_example_snapshot_and_rejects_what_the_composed_schema_rejects() -> None:
    snapshot = collect(EXAMPLES, {})
    bundle = Draft202012Validator(bundled_snapshot_schema())
    assert schema_errors("snapshot.schema.json", snapshot) == []
    assert list(bundle.iter_errors(snapshot)) == []
    snapshot["operations"]["documents"]["rollback"] = [{"path": 3}]
    assert schema_errors("snapshot.schema.json", snapshot)
    assert list(bundle.iter_errors(snapshot))


def test_module_prints_the_bundle() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gonogo.schema_validation", "--bundle"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == bundled_snapshot_schema()
