"""Where a field of a manifest sits: `deploy/web.yaml:31` for a container's `resources`, not the
line its document starts on.

The shared walk parses each YAML file once (`SourceFile.yaml_documents`), and its mappings are
`LineDict`s that know the line of each key: a field is found by following its path from the
document's root, with no second parse (issue 12). Documents read another way (a `.json`
manifest, parsed by the JSON parser) are composed here into YAML nodes - libyaml's composer,
which keeps line marks - and walked the same way. Only the path asked for is followed (never
the whole tree), so aliases cannot make the walk expensive.

A field that is absent is located at its nearest present parent (a container with no `resources`
points at the container's `- name:` line), and says so: `at` tells the reader the field is not
there. Objects that do not come from a file line (a live cluster, a Helm or Kustomize render) get
their object reference and the field's path: `Deployment/shop/web (spec.template.spec.replicas)`.
Nothing here reads or returns a value: only lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml
from gonogo.collectors.sources.files import SourceFile
from gonogo.collectors.sources.yaml_parse import LineDict

_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple[str | int, ...]


Located = Any
"""A document's node: a yaml.Node, or a parsed value (LineDict, list, scalar) from the shared parse."""


def _line(node: Located, parent_line: int) -> int:
    if isinstance(node, yaml.Node):
        return node.start_mark.line + 1
    return node.line if isinstance(node, LineDict) else parent_line


def _child(node: Located, step: str | int, line: int = 0) -> tuple[int, Located] | None:
    """(line, node) of one step down: a sequence item's own line, a mapping value's key line (a
    block value starts on the line after `resources:`; the reader wants the key). `line` is the
    node's own, for a scalar item of a parsed list (which keeps no line of its own)."""
    if not isinstance(node, yaml.Node):
        if isinstance(step, int):
            if isinstance(node, list) and 0 <= step < len(node):
                return _line(node[step], line), node[step]
            return None
        if isinstance(node, LineDict) and step in node:
            return node.name_line_of(step), node[step]
        return None
    if isinstance(step, int):
        if isinstance(node, yaml.SequenceNode) and 0 <= step < len(node.value):
            item = node.value[step]
            return item.start_mark.line + 1, item
        return None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == step:
                return key.start_mark.line + 1, value
    return None


def _dotted(path: Path) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


class Locator:
    """Refs of the fields of one object: `at(path)` is `file:line` of the field (or of its nearest
    present parent), else the object's ref with the field's path."""

    def __init__(self, ref: str, file: str | None = None, root: Located | None = None, line: int = 0) -> None:
        self._ref, self._file, self._root = ref, file, root
        self._root_line = _line(root, line) if root is not None else line

    def within(self, prefix: Path) -> Locator:
        """The locator of an object nested in this one (an item of a `List`)."""
        node, line = self._root, self._root_line
        for step in prefix:
            found = _child(node, step, line) if node is not None else None
            line, node = found if found else (line, None)
        return Locator(self._ref, self._file, node, line)

    def line(self, path: Path) -> tuple[int, bool] | None:
        """(line, whether the field itself is there) of the deepest node on the path."""
        node = self._root
        if node is None or self._file is None:
            return None
        line = self._root_line
        for step in path:
            found = _child(node, step, line)
            if found is None:
                return line, False
            line, node = found
        return line, True

    def at(self, path: Path) -> str:
        located = self.line(path)
        if located is None:
            return f"{self._ref} ({_dotted(path)})"
        return f"{self._file}:{located[0]}"


class FieldLines:
    """Locators for objects read from files, by the file's relative path and the document's line."""

    def __init__(self, files: Iterable[SourceFile] = ()) -> None:
        self._files = {source.rel: source for source in files}
        self._documents: dict[str, dict[int, Located]] = {}

    def _roots(self, rel: str) -> dict[int, Located]:
        if rel not in self._documents:
            roots: dict[int, Located] = {}
            source = self._files.get(rel)
            readable = source is not None and source.suffix in (".yaml", ".yml", ".json")
            if readable and source.suffix != ".json":
                roots = {d.line: d.value for d in source.yaml_documents if isinstance(d.value, LineDict)}
            text = source.text if readable and not roots else None
            if text is not None:
                try:
                    for node in yaml.compose_all(text, Loader=_COMPOSER):
                        if node is not None:
                            roots[node.start_mark.line + 1] = node
                except (yaml.YAMLError, RecursionError, ValueError):
                    pass  # the shared walk already reported the file; its earlier documents still count
            self._documents[rel] = roots
        return self._documents[rel]

    def locator(self, provenance: dict[str, Any]) -> Locator:
        ref = str(provenance.get("ref", "?"))
        file, line = provenance.get("file"), provenance.get("line")
        if not isinstance(file, str) or not isinstance(line, int):
            return Locator(ref)
        root = self._roots(file).get(line)
        return Locator(ref, file, root) if root is not None else Locator(ref)
