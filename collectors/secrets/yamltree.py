"""YAML documents as node trees, so every value keeps its line and its JSON pointer.

A file is composed (not constructed) with PyYAML's safe composer, checked against the
collection's limits (collectors/bounded.py: node count, depth, aliases) before it is walked.
Errors name the file and the line, never the content.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import yaml
from gonogo.collectors.bounded import Unparsable, check_yaml_node

from gonogo.yaml_errors import describe_yaml_error

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class Leaf:
    """One scalar value: its JSON pointer, the key it sits under, its line, its text and type."""

    pointer: str
    key: str
    line: int
    text: str
    type: str  # "string" | "number" | "boolean" | "null"
    block: bool  # a literal or folded block scalar (its content starts on the next line)


def escape(token: str) -> str:
    """One JSON pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def compose(text: str, warnings: list[str], *, checked: bool = False) -> list[yaml.Node]:
    """The documents of a YAML text as nodes; raises ValueError with a line, never content.
    `checked`: the same text already parsed within the limits (SourceFile.parsed_within_limits),
    so the nodes are not walked against them again (10,000 manifests: about 0.8 s)."""
    loader = _LOADER(text)
    nodes: list[yaml.Node] = []
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                if not checked:
                    check_yaml_node(node, warnings)
                nodes.append(node)
    except yaml.YAMLError as exc:
        raise ValueError(f"not YAML ({describe_yaml_error(exc)})") from None
    except Unparsable as exc:
        raise ValueError(str(exc)) from None
    except RecursionError:
        raise ValueError("nested too deeply to parse") from None
    finally:
        loader.dispose()
    return nodes


def _type(node: yaml.ScalarNode) -> str:
    if node.tag in (_INT, _FLOAT):
        return "number"
    if node.tag == _BOOL:
        return "boolean"
    if node.tag == _NULL:
        return "null"
    return "string"


def child(node: yaml.Node, key: str) -> yaml.Node | None:
    """The value node under `key` of a mapping node, or None."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return value_node
    return None


def items(node: yaml.Node) -> Iterator[tuple[str, int, yaml.Node]]:
    """(key, key line, value node) of a mapping node; (index, line, item) of a sequence node."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                yield key_node.value, key_node.start_mark.line + 1, value_node
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield str(index), item.start_mark.line + 1, item


def leaves(node: yaml.Node, pointer: str = "", key: str = "", line: int = 0) -> Iterator[Leaf]:
    """Every scalar under `node`, depth first, with its pointer; a sequence item's key is its
    parent's key (`hosts/0` sits under `hosts`). Iterative: no recursion limit to hit."""
    stack: list[tuple[yaml.Node, str, str, int]] = [(node, pointer, key, line)]
    seen: set[int] = set()
    while stack:
        current, path, name, at = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            block = current.style in ("|", ">")
            yield Leaf(path, name, at or current.start_mark.line + 1, current.value, _type(current), block)
            continue
        if id(current) in seen:  # an alias seen before: its values were reported where defined
            continue
        seen.add(id(current))
        is_sequence = isinstance(current, yaml.SequenceNode)
        children = [
            (value, f"{path}/{escape(k)}", name if is_sequence else k, k_line)
            for k, k_line, value in items(current)
        ]
        stack.extend(reversed(children))
