"""Loading a pipeline file as YAML with the line of every mapping value and sequence item.

Pipeline facts name the line of each job and step (`file:line`), so the loader keeps lines:
mappings load as `LineDict` (`.line`, `.value_lines[key]`, `.key_lines[key]`) and sequences as
`LineList` (`.line`, `.lines[i]`). It is PyYAML's safe loader (libyaml when present) with two
additions the CI formats need: GitLab's `!reference [job, key]` tag, loaded as a `Reference`, and
keys such as `on` kept as strings (YAML 1.1 would read GitHub's `on:` as the boolean true).
The composed document goes through the same bounds as every other file (collectors/bounded.py)
before anything is built. Errors name the position only, never the content.
"""

from __future__ import annotations

from typing import Any

import yaml
from gonogo.collectors.bounded import Unparsable, check_yaml_node

from gonogo.yaml_errors import describe_yaml_error

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_TAG = "tag:yaml.org,2002:bool"


class LineDict(dict[Any, Any]):
    line: int = 0
    key_lines: dict[Any, int]
    value_lines: dict[Any, int]


class LineList(list[Any]):
    line: int = 0
    lines: list[int]


class Reference(LineList):
    """GitLab's `!reference [job, key, ...]`: the path of a value defined elsewhere."""


class _Loader(_BASE):  # type: ignore[misc, valid-type]
    pass


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _mapping(loader: Any, node: yaml.MappingNode) -> Any:
    data = LineDict()
    data.line = _line(node)
    data.key_lines = {}
    data.value_lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = _key(loader, key_node)
        try:
            hash(key)
        except TypeError:
            raise Unparsable(f"a mapping key that is not a scalar (line {_line(key_node)})") from None
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = _line(key_node)
        data.value_lines[key] = _line(value_node)


def _key(loader: Any, node: yaml.Node) -> Any:
    # A plain `on`, `yes` or `off` key is a name in both CI formats, never a boolean.
    if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL_TAG and not node.style:
        return str(node.value)
    return loader.construct_object(node, deep=True)


def _sequence(loader: Any, node: yaml.SequenceNode) -> Any:
    data = LineList()
    data.line = _line(node)
    data.lines = [_line(child) for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


def _reference(loader: Any, node: yaml.Node) -> Reference:
    data = Reference()
    data.line = _line(node)
    if isinstance(node, yaml.SequenceNode):
        data.lines = [_line(child) for child in node.value]
        data.extend(str(loader.construct_object(child, deep=True)) for child in node.value)
    else:
        data.lines = []
    return data


_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _sequence)
_Loader.add_constructor("!reference", _reference)


def load_documents(text: str) -> list[Any]:
    """Every document of a YAML text, with lines kept; raises Unparsable naming the position."""
    loader = _Loader(text)
    documents: list[Any] = []
    warnings: list[str] = []
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            check_yaml_node(node, warnings)
            documents.append(loader.construct_document(node))
    except yaml.YAMLError as exc:
        raise Unparsable(f"not YAML ({describe_yaml_error(exc)})") from None
    except RecursionError:
        raise Unparsable("nested too deeply to parse") from None
    except (ValueError, OverflowError) as exc:
        if isinstance(exc, Unparsable):
            raise
        raise Unparsable("a value PyYAML cannot build") from None
    finally:
        loader.dispose()
    return documents


def line_of(container: Any, key: Any, default: int) -> int:
    """The line of `container[key]` (a LineDict key or a LineList index), else `default`."""
    if isinstance(container, LineDict):
        return container.value_lines.get(key, default)
    if isinstance(container, LineList) and isinstance(key, int) and 0 <= key < len(container.lines):
        return container.lines[key]
    return default


def key_line(container: Any, key: Any, default: int) -> int:
    """The line a mapping key is written on (where a job or step starts), else `default`."""
    if isinstance(container, LineDict):
        return container.key_lines.get(key, default)
    return default
