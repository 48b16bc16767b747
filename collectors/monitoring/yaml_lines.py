"""Line-aware YAML documents for monitoring files, and the documents embedded in ConfigMaps.

Evidence must point at the rule, route or receiver it came from (`rules/node.yaml:14`). The file
source parses each file once (collectors/sources/yaml_parse.py, libyaml) into mappings that
remember the line they start on and the line of each of their values (`LineDict`), and every
collector shares that parse: nothing here parses a file again. Documents held as strings in a
ConfigMap's data are parsed here, with the same loader and the same bounds. Errors name the
file and the line, never the content (it may hold a secret).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from gonogo.collectors.bounded import Unparsable, load_json
from gonogo.collectors.sources.files import NOT_STRUCTURED_SUFFIXES, SourceFile, sniff
from gonogo.collectors.sources.yaml_parse import LineDict, parse_yaml

__all__ = ["Document", "LineDict", "embedded_documents", "get_path", "line_documents", "load_yaml_text"]


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
    parsed = parse_yaml(text)  # the file source's loader and bounds: depth, aliases, numbers
    documents = [value for _, value in parsed.documents if value is not None]
    if parsed.problem is None:
        return documents, None
    what = parsed.problem if parsed.problem.startswith("not YAML") else f"not read: {parsed.problem}"
    return documents, f"{origin}: {what}; skipped the rest of the file"


def line_documents(source: SourceFile, warnings: list[str]) -> list[Document]:
    """The documents of a YAML or JSON file as the file source parsed them (once, line-aware;
    JSON: line 1). A file that did not parse whole is named with its line in `warnings`."""
    documents = [Document(source, d.line, d.value) for d in source.yaml_documents if d.value is not None]
    if source.skip is not None and source.skip["reason"].startswith("unparsable: "):
        warnings.append(f"{source.rel}: {source.skip['reason'].removeprefix('unparsable: ')}")
    return documents


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
        if not _yaml_data(key, text):
            continue
        values, problem = load_yaml_text(text, origin)
        if problem:
            warnings.append(problem)
        found.extend(
            Document(doc.source, getattr(v, "line", 1) or 1, v, key, key_line, label_names) for v in values
        )
    return found


def _yaml_data(key: str, text: str) -> bool:
    """A ConfigMap data value that holds YAML: by its key's name, or by its content when the key
    names no other format (`alerts: |` holding `groups:`)."""
    if key.endswith((".yaml", ".yml", ".rules")):
        return True
    suffix = PurePosixPath(key).suffix.lower()
    return suffix not in NOT_STRUCTURED_SUFFIXES and sniff(text) == "yaml"


def is_yaml_like(source: SourceFile) -> bool:
    """YAML or JSON by name or by content (the file source sniffs files of other names)."""
    return source.structured


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
