"""collectors/bounded.py, check_yaml_node: the one-pass walk that settles trees (`_tree_within`)
gives the answer of the full walk (`_check_graph`) on every document: the same warnings in the
same order, the same error with the same words, for trees, aliases (a value shared in the dumped
structure becomes an anchor and its aliases), duplicate keys, numbers, and tight limits."""

from __future__ import annotations

from typing import Any

import yaml
from gonogo.collectors import bounded
from gonogo.collectors.bounded import Limits, Unparsable
from hypothesis import given, settings
from hypothesis import strategies as st

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=40,
)
LIMITS = st.builds(
    Limits,
    max_depth=st.integers(min_value=1, max_value=8),
    max_nodes=st.integers(min_value=1, max_value=80),
    max_alias_nodes=st.integers(min_value=0, max_value=40),
)
HAND_WRITTEN = [
    "a: 1\na: 2\nb: {c: 1, c: 2}\n",  # duplicate keys
    "x: &x [1, 2, 3]\ny: *x\nz: *x\n",  # aliases
    "n: .nan\n",
    "n: 1e400\n",
    "n: " + "9" * 5000 + "\n",
    "deep: " + "[" * 30 + "]" * 30 + "\n",
    "- &a {k: v}\n- *a\n- [*a, *a]\n",
    "? [a, b]\n: complex key\n",
]


def _answer(check: Any, node: yaml.Node, limits: Limits) -> tuple[list[str], str]:
    warnings: list[str] = []
    try:
        check(node, warnings, limits)
    except Unparsable as exc:  # OverBudget is one
        return warnings, f"{type(exc).__name__}: {exc}"
    return warnings, ""


def _same(text: str, limits: Limits) -> None:
    for node in yaml.compose_all(text, Loader=yaml.SafeLoader):
        if node is not None:
            one_pass = _answer(bounded.check_yaml_node, node, limits)
            assert one_pass == _answer(bounded._check_graph, node, limits)


@settings(max_examples=400, deadline=None)
@given(VALUES, st.lists(st.integers(min_value=0, max_value=3), max_size=3), LIMITS)
def test_the_one_pass_walk_answers_as_the_full_walk(value: Any, shares: list[int], limits: Limits) -> None:
    document = {"value": value, **{f"again{n}": value for n in shares}}  # shared: anchors and aliases
    _same(yaml.safe_dump(document), limits)


def test_hand_written_documents_answer_alike() -> None:
    for text in HAND_WRITTEN:
        for limits in (Limits(), Limits(max_depth=4, max_nodes=6, max_alias_nodes=2)):
            _same(text, limits)
