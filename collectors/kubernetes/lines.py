"""Where a field of a manifest sits: `deploy/web.yaml:31` for a container's `resources`, not the
line its document starts on.

The shared walk parses each file once into values (`SourceFile.yaml_documents`, which keep only
the line a document starts on). The few files that hold workloads or PodDisruptionBudgets are
composed again here into YAML nodes - libyaml's composer when PyYAML has it, which keeps line
marks - and a field is found by following its path from the document's root node. Only the path
asked for is followed (never the whole tree), so aliases cannot make the walk expensive.

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

_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple[str | int, ...]


def _child(node: yaml.Node, step: str | int) -> tuple[int, yaml.Node] | None:
    """(line, node) of one step down: a sequence item's own line, a mapping value's key line (a
    block value starts on the line after `resources:`; the reader wants the key)."""
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

    def __init__(self, ref: str, file: str | None = None, root: yaml.Node | None = None) -> None:
        self._ref, self._file, self._root = ref, file, root

    def within(self, prefix: Path) -> Locator:
        """The locator of an object nested in this one (an item of a `List`)."""
        node = self._root
        for step in prefix:
            found = _child(node, step) if node is not None else None
            node = found[1] if found else None
        return Locator(self._ref, self._file, node)

    def line(self, path: Path) -> tuple[int, bool] | None:
        """(line, whether the field itself is there) of the deepest node on the path."""
        node = self._root
        if node is None or self._file is None:
            return None
        line = node.start_mark.line + 1
        for step in path:
            found = _child(node, step)
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
        self._documents: dict[str, dict[int, yaml.Node]] = {}

    def _roots(self, rel: str) -> dict[int, yaml.Node]:
        if rel not in self._documents:
            roots: dict[int, yaml.Node] = {}
            source = self._files.get(rel)
            text = source.text if source is not None and source.suffix in (".yaml", ".yml", ".json") else None
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
