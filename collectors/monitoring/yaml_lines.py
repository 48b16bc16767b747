"""Line-aware YAML loading for monitoring files, and the documents embedded in ConfigMaps.

Evidence must point at the rule, route or receiver it came from (`rules/node.yaml:14`), so the
files this collector cares about are parsed again with a loader that remembers, for every
mapping, the line it starts on and the line of each of its values. Files are first recognised
through the shared, cached `SourceFile.yaml_documents`; only the few that matter are re-read.
Errors name the file and the line, never the content (it may hold a secret).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from gonogo.collectors.bounded import Unparsable, check_yaml_node, load_json
from gonogo.collectors.sources.files import SourceFile

from gonogo.yaml_errors import describe_yaml_error


class LineDict(dict):
    """A YAML mapping that knows its start line and the line of each of its values."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return getattr(self, "key_lines", {}).get(key, self.line)


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_line_dict(loader: _LineLoader, node: yaml.MappingNode) -> Iterator[LineDict]:
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            continue
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = value_node.start_mark.line + 1


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_line_dict)


@dataclass(frozen=True)
class Document:
    """One parsed document: where it lives (`source`, first `line`) and its value."""

    source: SourceFile
    line: int
    value: Any
    embedded_key: str | None = None
    """For a document embedded in a ConfigMap: the data key it came from."""
    line_offset: int = 0
    """Lines to add to a line inside this document to get the line in `source`."""
    parent_labels: tuple[str, ...] = ()
    """For a document embedded in a ConfigMap: the ConfigMap's label names (`grafana_dashboard`)."""

    def ref(self, line: int | None = None) -> str:
        return self.source.ref(self.abs_line(line))

    def abs_line(self, line: int | None) -> int:
        return (line or self.line) + self.line_offset


def load_yaml_text(text: str, origin: str) -> tuple[list[Any], str | None]:
    """Every document of `text` with line-aware mappings, and a problem (file and line) if it broke."""
    documents: list[Any] = []
    warnings: list[str] = []  # duplicate keys: the shared loader already reported them for the file
    loader = _LineLoader(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            check_yaml_node(node, warnings)  # the same caps as the shared loader: depth, aliases, numbers
            value = loader.construct_document(node)
            if value is not None:
                documents.append(value)
    except yaml.YAMLError as exc:
        return documents, f"{origin}: not YAML ({describe_yaml_error(exc)}); skipped the rest of the file"
    except Unparsable as exc:
        return documents, f"{origin}: not read: {exc}; skipped the rest of the file"
    except RecursionError:
        return documents, f"{origin}: not read: nested too deeply to parse; skipped the rest of the file"
    except (ValueError, OverflowError):
        return documents, f"{origin}: not read: a value PyYAML cannot build; skipped the rest of the file"
    finally:
        loader.dispose()
    return documents, None


def line_documents(source: SourceFile, warnings: list[str]) -> list[Document]:
    """The documents of a YAML or JSON file, parsed line-aware (JSON: line 1)."""
    if source.text is None:
        return []
    if source.suffix == ".json":
        value = source.json_value
        return [] if value is None else [Document(source, 1, value)]
    values, problem = load_yaml_text(source.text, source.rel)
    if problem:
        warnings.append(problem)
    return [Document(source, getattr(v, "line", 1) or 1, v) for v in values]


def embedded_documents(doc: Document, warnings: list[str]) -> list[Document]:
    """Documents held as strings in a ConfigMap's `data` (`rules.yaml: |`, `dashboard.json: |`)."""
    value = doc.value
    if not isinstance(value, dict) or value.get("kind") != "ConfigMap":
        return []
    data = value.get("data")
    if not isinstance(data, dict):
        return []
    labels = get_path(value, "metadata", "labels")
    label_names = tuple(str(k) for k in labels) if isinstance(labels, dict) else ()
    found: list[Document] = []
    for key, text in data.items():
        if not isinstance(key, str) or not isinstance(text, str):
            continue
        key_line = data.line_of(key) if isinstance(data, LineDict) else doc.line
        origin = f"{doc.source.rel}:{key_line} (ConfigMap data {key})"
        if key.endswith(".json"):
            try:
                found.append(Document(doc.source, 1, load_json(text, []), key, key_line, label_names))
            except Unparsable as exc:
                warnings.append(
                    f"{origin}: {exc}" if "not JSON" in str(exc) else f"{origin}: not read: {exc}"
                )
            continue
        if not key.endswith((".yaml", ".yml", ".rules")):
            continue
        values, problem = load_yaml_text(text, origin)
        if problem:
            warnings.append(problem)
        found.extend(
            Document(doc.source, getattr(v, "line", 1) or 1, v, key, key_line, label_names) for v in values
        )
    return found


def is_yaml_like(source: SourceFile) -> bool:
    return source.suffix in (".yaml", ".yml", ".json")


def get_path(value: Any, *keys: str) -> Any:
    """value[k1][k2]... or None when any step is missing or not a mapping."""
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def mapping(value: Any) -> dict[Any, Any]:
    """value when it is a mapping, else {}: a malformed field is treated as absent."""
    return value if isinstance(value, dict) else {}


def sequence(value: Any) -> list[Any]:
    """value when it is a list, else []: a malformed field is treated as absent."""
    return value if isinstance(value, list) else []


def kind_of(value: dict[Any, Any]) -> str | None:
    """A document's `kind` as text (None when absent), whatever type the file gave it."""
    kind = value.get("kind")
    return None if kind is None else str(kind)
