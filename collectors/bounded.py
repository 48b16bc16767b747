"""Bounded, safe decoding and parsing of the files collectors read (issue #11).

Hostile input costs one file, never a collector: every function here either returns the
parsed value or raises `OverBudget` / `Unparsable` with a reason naming the limit or the
problem and the line where there is one, never the file's content. The limits:

- `max_bytes` per file (50 MiB);
- `max_depth` nesting of a JSON value or YAML document (256), checked before the parser runs
  for JSON (a pre-scan) and on the composed node graph for YAML, so no parser recurses 10,000 deep;
- `max_nodes` per YAML document *after alias expansion* (1,000,000): an alias counts every node
  it brings in, so an alias bomb is rejected before it is built;
- `max_alias_nodes`: of those, the nodes that aliases bring in (1,000,000; tighten it to refuse
  anchors used as macros);
- numbers: an integer over 4,300 digits, or a float that overflows or is NaN, rejects the document.

The limits are settings (`limits:` in gonogo.yaml, `limits_from`); the runner makes them the
active limits of a collection (`using`), which every function here reads when not given limits,
so collectors' own loaders get the same bounds. `collection_seconds` is the time budget of a
whole collection (the runner's; collectors not yet run when it is spent are recorded as failed).

Duplicate mapping keys are kept as the parsers do (the last wins) but reported as warnings.
"""

from __future__ import annotations

import codecs
import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields
from typing import Any

import yaml


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * 1024 * 1024
    max_depth: int = 256
    max_nodes: int = 1_000_000
    max_alias_nodes: int = 1_000_000
    collection_seconds: float = 300.0


DEFAULT_LIMITS = Limits()
_ACTIVE: ContextVar[Limits] = ContextVar("gonogo_limits", default=DEFAULT_LIMITS)
SETTING_NAMES = {
    "max_file_mib": "max_bytes",
    "max_depth": "max_depth",
    "max_nodes": "max_nodes",
    "max_alias_nodes": "max_alias_nodes",
    "collection_seconds": "collection_seconds",
}
"""gonogo.yaml `limits:` keys -> Limits fields (schemas/config.schema.json checks the types)."""


def limits_from(settings: dict[str, Any] | None) -> Limits:
    """The Limits of gonogo.yaml's `limits:` mapping; a key left out keeps its default."""
    values: dict[str, Any] = {}
    for key, value in (settings or {}).items():
        name = SETTING_NAMES.get(key)
        if name == "max_bytes":
            values[name] = int(value * 1024 * 1024)
        elif name is not None:
            values[name] = value
    known = {f.name for f in fields(Limits)}
    return Limits(**{k: v for k, v in values.items() if k in known})


def active() -> Limits:
    """The limits of the collection running now (DEFAULT_LIMITS outside one)."""
    return _ACTIVE.get()


@contextmanager
def using(limits: Limits) -> Iterator[Limits]:
    token = _ACTIVE.set(limits)
    try:
        yield limits
    finally:
        _ACTIVE.reset(token)


class Unparsable(ValueError):
    """The file cannot be decoded or parsed safely; the message names the problem and line only."""


class OverBudget(Unparsable):
    """The file goes over one of the `Limits`."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(raw: bytes) -> str:
    """Text of a file: a BOM's encoding (UTF-8/16/32, as kubectl reads them), else UTF-8, else
    latin-1. A NUL byte in the decoded text means a binary file: `Unparsable` with its line."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise Unparsable(
                    f"not valid {encoding} after its byte-order mark (byte {exc.start})"
                ) from None
            break
    else:
        if len(raw) >= 4 and raw[0] and not raw[1] and raw[2] and not raw[3]:
            text = _decode_bomless_utf16(raw, "utf-16-le")
        elif len(raw) >= 4 and not raw[0] and raw[1] and not raw[2] and raw[3]:
            text = _decode_bomless_utf16(raw, "utf-16-be")
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
    nul = text.find("\0")
    if nul >= 0:
        raise Unparsable(f"binary: a NUL byte on line {text.count(chr(10), 0, nul) + 1}")
    return text


def _decode_bomless_utf16(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise Unparsable(f"looks like {encoding} without a byte-order mark but does not decode") from None


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def json_depth_ok(text: str, limits: Limits | None = None) -> None:
    """Raises OverBudget when a JSON text nests deeper than `max_depth` (strings are skipped)."""
    limits = limits or active()
    if text.count("[") + text.count("{") <= limits.max_depth:
        return
    depth = 0
    for token in _JSON_TOKEN.finditer(text):
        char = token.group()
        if char in "[{":
            depth += 1
            if depth > limits.max_depth:
                line = text.count("\n", 0, token.start()) + 1
                raise OverBudget(f"nested deeper than {limits.max_depth} levels (line {line})")
        elif char in "]}":
            depth -= 1


def _reject_constant(name: str) -> Any:
    raise Unparsable(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise Unparsable("a number too large for a float")
    return value


def load_json(text: str, warnings: list[str], limits: Limits | None = None) -> Any:
    """json.loads with the depth pre-scan, no NaN/Infinity/overflow, and duplicate keys warned."""
    limits = limits or active()
    json_depth_ok(text, limits)

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(items)
        if len(result) != len(items) and len(warnings) < 20:
            warnings.append("duplicate keys in one object (the last one is used)")
        return result

    try:
        return json.loads(
            text, object_pairs_hook=pairs, parse_constant=_reject_constant, parse_float=_finite_float
        )
    except RecursionError:
        raise OverBudget("nested too deeply to parse") from None
    except Unparsable:
        raise
    except ValueError as exc:
        raise Unparsable(
            f"not JSON ({exc.__class__.__name__} at line {getattr(exc, 'lineno', '?')})"
        ) from None


_FLOAT_TAG = "tag:yaml.org,2002:float"
_INT_TAG = "tag:yaml.org,2002:int"
_NUMBER_TAGS = (_FLOAT_TAG, _INT_TAG)


def check_yaml_node(root: yaml.Node, warnings: list[str], limits: Limits | None = None) -> None:
    """Walks a composed document without recursion: expanded node count (aliases count every
    node they bring in), depth, numbers; duplicate keys become warnings. Raises OverBudget/Unparsable.

    Most documents are trees (no alias), which one pass over the nodes settles: `_tree_within`.
    Any document it does not settle (an alias, or a bound broken) is walked again by `_check_graph`,
    which counts what aliases expand to and words each error, so the answer is `_check_graph`'s."""
    limits = limits or active()
    before = len(warnings)
    if _tree_within(root, warnings, limits):
        return
    del warnings[before:]
    _check_graph(root, warnings, limits)


def _tree_within(root: yaml.Node, warnings: list[str], limits: Limits) -> bool:
    """True when the document is a tree within every bound, its duplicate keys warned about in
    `_check_graph`'s order (the same depth-first order); False, without raising, otherwise."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    max_depth, scalar, mapping = limits.max_depth, yaml.ScalarNode, yaml.MappingNode
    while stack:
        node, depth = stack.pop()
        key = id(node)
        if key in seen or depth > max_depth:
            return False  # a node reached twice (an alias), or too deep
        seen.add(key)
        if len(seen) > limits.max_nodes:
            return False
        kind = node.__class__
        if kind is scalar:
            if node.tag in _NUMBER_TAGS:
                try:
                    _check_scalar(node)
                except Unparsable:
                    return False
            continue
        depth += 1
        if kind is mapping:
            _warn_duplicate_keys(node, warnings)
            for key_node, value_node in node.value:
                stack.append((key_node, depth))
                stack.append((value_node, depth))
        elif isinstance(node, yaml.CollectionNode):
            stack.extend([(child, depth) for child in node.value])
        else:  # a node class of its own: the full walk decides
            return False
    return True


def _check_graph(root: yaml.Node, warnings: list[str], limits: Limits) -> None:
    sizes: dict[int, int] = {}
    # (node, depth, children done?)
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    in_progress: set[int] = set()
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            in_progress.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[key] > limits.max_nodes:
                raise OverBudget(
                    f"more than {limits.max_nodes} nodes once aliases are expanded "
                    f"(line {node.start_mark.line + 1})"
                )
            continue
        if key in sizes:
            continue
        if key in in_progress:
            raise Unparsable(f"a recursive alias (line {node.start_mark.line + 1})")
        if depth > limits.max_depth:
            raise OverBudget(
                f"nested deeper than {limits.max_depth} levels (line {node.start_mark.line + 1})"
            )
        if isinstance(node, yaml.ScalarNode):
            _check_scalar(node)
            sizes[key] = 1
            continue
        in_progress.add(key)
        stack.append((node, depth, True))
        if isinstance(node, yaml.MappingNode):
            _warn_duplicate_keys(node, warnings)
        stack.extend((child, depth + 1, False) for child in _children(node))
    expanded = sizes.get(id(root), 1)
    if expanded - len(sizes) > limits.max_alias_nodes:
        raise OverBudget(
            f"aliases bring in more than {limits.max_alias_nodes} nodes "
            f"(line {root.start_mark.line + 1}; limits.max_alias_nodes)"
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


_INT_DIGITS = 4300


def _check_scalar(node: yaml.ScalarNode) -> None:
    line = node.start_mark.line + 1
    if node.tag == _INT_TAG and sum(c.isdigit() for c in node.value) > _INT_DIGITS:
        raise Unparsable(f"an integer of more than {_INT_DIGITS} digits (line {line})")
    if node.tag == _FLOAT_TAG:
        if node.value.lower().lstrip("+-") in (".inf", ".nan"):
            raise Unparsable(f"a number that is infinite or NaN (line {line})")
        try:
            value = float(node.value.replace("_", ""))
        except ValueError:
            return  # sexagesimal or another YAML 1.1 form: PyYAML builds it
        if not math.isfinite(value):
            raise Unparsable(f"a number that is infinite or NaN (line {line})")


def _warn_duplicate_keys(node: yaml.MappingNode, warnings: list[str]) -> None:
    seen: set[tuple[str, str]] = set()
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        marker = (key.tag, key.value)
        if marker in seen and len(warnings) < 20:
            warnings.append(f"duplicate key on line {key.start_mark.line + 1} (the last one is used)")
        seen.add(marker)
