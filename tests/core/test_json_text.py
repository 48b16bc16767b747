"""The JSON gonogo writes: the same document always gives the same bytes, what is read back equals
what was written, and a value JSON cannot hold is an error, never a null."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gonogo.errors import GonogoError
from gonogo.json_text import compact, indented

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@given(JSON_VALUES)
def test_what_is_written_reads_back_equal(document: object) -> None:
    for text in (indented(document), compact(document)):
        assert json.loads(text) == document
    assert indented(document) == indented(document)
    assert indented(document).endswith(b"\n")


def test_indented_matches_the_standard_librarys_layout_for_ascii() -> None:
    document = {"a": [1, 2.5, {"b": None, "c": []}], "d": {}, "e": "text"}
    assert indented(document).decode() == json.dumps(document, indent=2) + "\n"


def test_integers_past_64_bits_odd_keys_and_lone_surrogates_still_write() -> None:
    assert json.loads(indented({"big": 2**70})) == {"big": 2**70}
    assert json.loads(indented({1: "one"})) == {"1": "one"}
    for write in (indented, compact):
        assert json.loads(write({"name": "x\udc80y"})) == {"name": "x\udc80y"}


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("write", [indented, compact])
def test_nan_and_infinities_are_refused(value: float, write: Callable[[object], bytes]) -> None:
    with pytest.raises(GonogoError, match="NaN or infinite"):
        write({"replicas": value, "other": None})
    with pytest.raises(GonogoError, match="NaN or infinite"):
        write({"big": 2**70, "nested": [value]})  # the standard library's path too


def test_a_snapshot_holding_nan_is_not_json(tmp_path: Path) -> None:
    from gonogo.evaluator.snapshot import load_snapshot

    from gonogo.errors import SnapshotError

    for name, text in (("s.json", '{"apiVersion": NaN}'), ("s.yaml", "apiVersion: .nan\n")):
        (tmp_path / name).write_text(text)
        with pytest.raises(SnapshotError, match="NaN is not a JSON value"):
            load_snapshot(tmp_path / name)


@pytest.mark.parametrize("text", ['{"coverage": 1e400}', '{"coverage": -1' + "0" * 400 + ".5}"])
def test_a_snapshot_number_too_large_for_a_float_is_refused(tmp_path: Path, text: str) -> None:
    """Python's reader would make it an infinity, which orjson would then write as null."""
    from gonogo.evaluator.snapshot import load_snapshot

    from gonogo.errors import SnapshotError

    (tmp_path / "s.json").write_text(text)
    with pytest.raises(SnapshotError, match="too large for a 64-bit float"):
        load_snapshot(tmp_path / "s.json")


def test_a_snapshot_is_parsed_from_the_bytes_given_not_read_again(tmp_path: Path) -> None:
    """What is digested and signed is what is judged: one reading of the file."""
    from gonogo.evaluator.snapshot import load_snapshot

    from gonogo.errors import SnapshotError
    from tests.engine.test_engine import SNAPSHOT

    (tmp_path / "s.json").write_text("changed on disk: not JSON")
    assert load_snapshot(tmp_path / "s.json", json.dumps(SNAPSHOT).encode()) == SNAPSHOT
    (tmp_path / "s.json").write_text(json.dumps(SNAPSHOT))
    with pytest.raises(SnapshotError, match="does not match"):
        load_snapshot(tmp_path / "s.json", b'{"apiVersion": 1}')
    with pytest.raises(SnapshotError, match="not UTF-8 text"):
        load_snapshot(tmp_path / "s.json", b'{"apiVersion": "\xff"}')


@given(JSON_VALUES)
def test_compact_finite_reads_back_as_compact_does(document: object) -> None:
    from gonogo.json_text import compact_finite

    assert json.loads(compact_finite(document)) == json.loads(compact(document))


def test_compact_finite_takes_what_orjson_refuses() -> None:
    from gonogo.json_text import compact_finite

    assert json.loads(compact_finite({"big": 2**70, 1: "one"})) == {"big": 2**70, "1": "one"}
    assert json.loads(compact_finite({"name": "x\udc80y"})) == {"name": "x\udc80y"}
