"""collectors/bounded.py: each limit rejects the hostile file by name of the limit, never by content."""

from __future__ import annotations

import codecs

import pytest
import yaml
from gonogo.collectors.bounded import (
    DEFAULT_LIMITS,
    Limits,
    OverBudget,
    Unparsable,
    check_yaml_node,
    decode,
    load_json,
)


def _yaml(text: str, limits: Limits = DEFAULT_LIMITS) -> list[str]:
    warnings: list[str] = []
    check_yaml_node(yaml.compose(text, Loader=yaml.SafeLoader), warnings, limits)
    return warnings


def test_utf16_with_and_without_bom_and_utf8_bom_decode():
    text = "kind: Deployment\n"
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == text
    assert decode(text.encode("utf-16-be")) == text
    assert decode(codecs.BOM_UTF8 + text.encode()) == text
    assert decode("caf\xe9".encode("latin-1")) == "caf\xe9"


def test_a_nul_byte_is_binary_with_its_line():
    with pytest.raises(Unparsable, match="NUL byte on line 2"):
        decode(b"a: 1\nb\0: 2\n")


def test_deep_json_is_over_budget_before_parsing():
    with pytest.raises(OverBudget, match="deeper than 256"):
        load_json("[" * 10_000 + "]" * 10_000, [])
    assert load_json('{"a": "[[[[[[["}', []) == {"a": "[[[[[[["}


@pytest.mark.parametrize("text", ["NaN", '{"r": Infinity}', '{"r": 1e400}', "1" * 5000])
def test_json_numbers_that_are_not_finite_are_unparsable(text):
    with pytest.raises(Unparsable):
        load_json(text, [])


def test_json_duplicate_keys_warn():
    warnings: list[str] = []
    assert load_json('{"a": 1, "a": 2}', warnings) == {"a": 2}
    assert warnings == ["duplicate keys in one object (the last one is used)"]


def test_an_alias_bomb_is_rejected_before_it_is_built():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    with pytest.raises(OverBudget, match="aliases are expanded"):
        _yaml("\n".join(lines) + "\n")


def test_deep_yaml_and_big_numbers_are_rejected_with_their_line():
    with pytest.raises(OverBudget, match="deeper than 10"):
        _yaml("[" * 20 + "]" * 20, Limits(max_depth=10))
    with pytest.raises(Unparsable, match=r"more than 4300 digits \(line 2\)"):
        _yaml("a: 1\nb: " + "9" * 5000 + "\n")
    for value in ("1.0e+400", ".nan", "-.inf"):
        with pytest.raises(Unparsable, match="infinite or NaN"):
            _yaml(f"replicas: {value}\n")


def test_yaml_duplicate_keys_warn_with_their_line():
    assert _yaml("a: 1\nb: 2\na: 3\n") == ["duplicate key on line 3 (the last one is used)"]


def test_the_monitoring_line_loader_has_the_same_caps():
    from gonogo.collectors.monitoring.yaml_lines import load_yaml_text

    nested = "groups:\n" + "".join("  " * i + "- a:\n" for i in range(1, 600)) + "  " * 600 + "- 1\n"
    values, problem = load_yaml_text(nested, "rules/deep.yaml")
    assert values == [] and problem is not None
    # the pure-Python composer recurses before the depth cap can look: caught, named, never a crash
    assert problem.startswith("rules/deep.yaml: not read: nested ")
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"b{i}: &b{i} [{', '.join(['*' + ('a' if i == 0 else f'b{i - 1}')] * 10)}]\n" for i in range(8)
    )
    _, problem = load_yaml_text(bomb, "dash.yaml")
    assert problem is not None and "aliases are expanded" in problem
