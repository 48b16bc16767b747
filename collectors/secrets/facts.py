"""The facts the secrets collector writes, and the configuration formats it recognises by content.

Each configured value becomes one fact keyed `<file>#<JSON pointer>`: where it sits (file, line,
pointer, the key it is under, the kind of place and format, the object that owns it) and what it
is (values.describe: literal, reference or empty, with shape hints), never the value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from gonogo.collectors.base import CollectContext
from gonogo.collectors.secrets import textconfig
from gonogo.collectors.secrets.values import describe
from gonogo.collectors.secrets.yamltree import Leaf, child, compose, escape, leaves
from gonogo.collectors.sources.files import SourceFile


def keys(node: yaml.Node) -> set[str]:
    if not isinstance(node, yaml.MappingNode):
        return set()
    return {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


_GRAFANA_PROVISIONING = {
    "datasources",
    "contactPoints",
    "notifiers",
    "deleteDatasources",
    "policies",
    "templates",
}


def yaml_format(node: yaml.Node) -> str | None:
    """The configuration format of one YAML document, by its content; None when not one of them."""
    top = keys(node)
    if {"apiVersion", "kind"} <= top and scalar(child(node, "kind")):
        return "kubernetes"
    if {"route", "receivers"} <= top:
        return "alertmanager"
    if {"receivers", "exporters", "service"} <= top:
        return "otel_collector"
    if "schema_config" in top or "storage_config" in top or {"auth_enabled", "server"} <= top:
        return "loki"
    api = child(node, "apiVersion")
    if isinstance(api, yaml.ScalarNode) and api.value == "1" and top & _GRAFANA_PROVISIONING:
        return "grafana_provisioning"
    return None


@dataclass
class Facts:
    ctx: CollectContext
    values: dict[str, Any] = field(default_factory=dict)
    files: dict[str, Any] = field(default_factory=dict)
    configmap_uses: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def source(self, source: SourceFile, fmt: str) -> None:
        entry = self.files.setdefault(source.rel, {"formats": [], "provenance": self.ctx.file_ref(source, 1)})
        if fmt not in entry["formats"]:
            entry["formats"].append(fmt)

    def add(
        self,
        source: SourceFile,
        *,
        pointer: str,
        key: str,
        line: int,
        value: Any,
        place: str,
        fmt: str,
        owner: str | None = None,
        description: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        fact: dict[str, Any] = {
            "file": source.rel,
            "line": line or None,
            "pointer": pointer,
            "key": key,
            "place": place,
            "format": fmt,
            "owner": owner,
            "value": description if description is not None else describe(value),
            "provenance": self.ctx.file_ref(source, line) if line else self.ctx.file_ref(source, at=pointer),
        }
        if extra:
            fact.update(extra)
        self.values[f"{source.rel}:{line}#{pointer}" if line else f"{source.rel}#{pointer}"] = (
            fact  # per document
        )

    def leaf(
        self,
        source: SourceFile,
        leaf: Leaf,
        *,
        place: str,
        fmt: str,
        owner: str | None = None,
        line_offset: int = 0,
        pointer_prefix: str = "",
    ) -> None:
        if leaf.type in ("boolean", "null"):
            return  # a flag or an unset value cannot hold a credential
        value: Any = leaf.text if leaf.type == "string" else _number(leaf.text)
        self.add(
            source,
            pointer=pointer_prefix + leaf.pointer,
            key=leaf.key,
            line=leaf.line + line_offset,
            value=value,
            place=place,
            fmt=fmt,
            owner=owner,
        )

    def uses(self, name: str, use: dict[str, Any]) -> None:
        self.configmap_uses.setdefault(name, []).append(use)

    def embedded(
        self, source: SourceFile, text: str, *, pointer: str, line: int, owner: str, name: str
    ) -> bool:
        """A file's content held in a ConfigMap key: its values as `configmap_file` facts.
        False when the content is not a configuration format this module reads."""
        base = line - 1
        if textconfig.looks_like_ini(text) and not name.endswith((".yaml", ".yml", ".json")):
            try:
                pairs = textconfig.ini_pairs(text)
            except ValueError:
                return False
            fmt = "grafana_ini" if "grafana" in name or any(p.section == "security" for p in pairs) else "ini"
            for p in pairs:
                inner = f"/{escape(p.section)}/{escape(p.key)}" if p.section else f"/{escape(p.key)}"
                self.add(
                    source,
                    pointer=pointer + inner,
                    key=p.key,
                    line=base + p.line,
                    value=p.text,
                    place="configmap_file",
                    fmt=fmt,
                    owner=owner,
                )
            return True
        try:
            nodes = compose(text, [])
        except ValueError:
            nodes = []
        mappings = [n for n in nodes if isinstance(n, yaml.MappingNode)]
        if mappings:
            for index, node in enumerate(mappings):
                fmt = yaml_format(node) or "yaml"
                prefix = pointer + (f"/{index}" if len(mappings) > 1 else "")
                for leaf in leaves(node):
                    self.leaf(
                        source,
                        leaf,
                        place="configmap_file",
                        fmt=fmt,
                        owner=owner,
                        line_offset=base,
                        pointer_prefix=prefix,
                    )
            return True
        if textconfig.looks_like_properties(text):
            for p in textconfig.property_pairs(text):
                self.add(
                    source,
                    pointer=f"{pointer}/{escape(p.key)}",
                    key=p.key,
                    line=base + p.line,
                    value=p.text,
                    place="configmap_file",
                    fmt="properties",
                    owner=owner,
                )
            return True
        return False


def _number(text: str) -> int | float | str:
    try:
        return int(text.replace("_", ""), 0)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text
