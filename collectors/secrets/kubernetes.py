"""Where a Kubernetes manifest can hold a credential in plain text: ConfigMap data (a key, or a
whole config file a ConfigMap carries), container env literals, and Kustomize configMapGenerator
literals; and which workloads load each ConfigMap (envFrom, configMapKeyRef, a volume).

Secrets (and SealedSecrets, ExternalSecrets) are where credentials belong: they are not read.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from gonogo.collectors.secrets.facts import Facts, scalar
from gonogo.collectors.secrets.yamltree import child, escape, items, leaves
from gonogo.collectors.sources.files import SourceFile

_CONTAINER_LISTS = ("containers", "initContainers", "ephemeralContainers")
_CONFIG_FILE = re.compile(r"\.(ya?ml|json|ini|conf|cfg|properties|env|toml)$", re.IGNORECASE)
_REFERENCE_KEYS = {
    "secretKeyRef": "secret_key_ref",
    "configMapKeyRef": "configmap_key_ref",
    "fieldRef": "field_ref",
    "resourceFieldRef": "resource_field_ref",
}


_NOT_READ_KINDS = ("Secret", "SealedSecret", "ExternalSecret")
_NODE_KINDS = ("ConfigMap", "Kustomization")


def holds_nothing(documents: list[Any]) -> bool:
    """Whether `manifest` would find nothing in these documents but that they are Kubernetes
    objects: every mapping among them has an `apiVersion` and a plain-string `kind` that is a
    Secret kind, or that is not a ConfigMap or Kustomization and holds no container or volume list
    anywhere (keys as decoded, aliases followed once). Read from the shared parse's values, so
    such a file (a Service, an HPA, a NetworkPolicy) is not composed again; anything else, or
    anything unsure, says False and the file is composed and walked as always."""
    mappings = [value for value in documents if isinstance(value, dict)]
    if not mappings:
        return False
    for value in mappings:
        kind = value.get("kind")
        if "apiVersion" not in value or type(kind) is not str or not kind or kind in _NODE_KINDS:
            return False
        if kind not in _NOT_READ_KINDS and _has_pod_lists(value):
            return False
    return True


def _has_pod_lists(value: Any) -> bool:
    stack, seen = [value], set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, dict):
            for key, item in current.items():
                if isinstance(item, list) and (key in _CONTAINER_LISTS or key == "volumes"):
                    return True
                if isinstance(item, dict | list):
                    stack.append(item)
        elif isinstance(current, list):
            stack.extend(item for item in current if isinstance(item, dict | list))
    return False


def manifest(facts: Facts, source: SourceFile, node: yaml.MappingNode) -> None:
    kind = scalar(child(node, "kind")) or ""
    metadata = child(node, "metadata")
    name = scalar(child(metadata, "name")) if metadata is not None else None
    namespace = scalar(child(metadata, "namespace")) if metadata is not None else None
    display = f"{namespace}/{name}" if namespace else (name or "?")
    owner = f"{kind} {display}"
    if kind == "ConfigMap":
        before = set(facts.values)
        _configmap(facts, source, node, owner, "")
        for key in set(facts.values) - before:  # the name the workloads' configmap_uses are keyed by
            facts.values[key]["configmap"] = name or "?"
    elif kind == "Kustomization":
        _kustomization(facts, source, node)
    elif kind not in _NOT_READ_KINDS:
        _pod_specs(facts, source, node, owner, namespace)


def _configmap(facts: Facts, source: SourceFile, node: yaml.Node, owner: str, prefix: str) -> None:
    data = child(node, "data")
    for key, line, value in items(data) if data is not None else ():
        if not isinstance(value, yaml.ScalarNode):
            continue
        pointer = f"{prefix}/data/{escape(key)}"
        text = value.value
        if ("\n" in text.strip() or _CONFIG_FILE.search(key)) and facts.embedded(
            source,
            text,
            pointer=pointer,
            line=line + (1 if value.style in ("|", ">") else 0),
            owner=owner,
            name=key,
        ):
            continue
        facts.add(
            source,
            pointer=pointer,
            key=key,
            line=line,
            value=text,
            place="configmap_data",
            fmt="kubernetes",
            owner=owner,
        )


def _kustomization(facts: Facts, source: SourceFile, node: yaml.Node) -> None:
    generators = child(node, "configMapGenerator")
    for index, _, generator in items(generators) if generators is not None else ():
        literals = child(generator, "literals")
        gen_name = scalar(child(generator, "name")) or "?"
        for item_index, line, literal in items(literals) if literals is not None else ():
            text = scalar(literal) or ""
            key, sep, value = text.partition("=")
            if not sep:
                continue
            facts.add(
                source,
                pointer=f"/configMapGenerator/{index}/literals/{item_index}",
                key=key.strip(),
                line=line,
                value=value,
                place="kustomize_literal",
                fmt="kubernetes",
                owner=f"configMapGenerator {gen_name}",
            )


def _pod_specs(facts: Facts, source: SourceFile, node: yaml.Node, owner: str, namespace: str | None) -> None:
    """Every container list and volume list anywhere in the object (Deployments, CronJobs,
    Argo Rollouts, operators' CRs with pod templates), found by their shape."""
    stack: list[tuple[yaml.Node, str]] = [(node, "")]
    seen: set[int] = set()
    while stack:
        current, pointer = stack.pop()
        if id(current) in seen or not isinstance(current, yaml.MappingNode | yaml.SequenceNode):
            continue
        seen.add(id(current))
        for key, _, value in items(current):
            here = f"{pointer}/{escape(key)}"
            if (
                isinstance(current, yaml.MappingNode)
                and key in _CONTAINER_LISTS
                and isinstance(value, yaml.SequenceNode)
            ):
                for index, _, container in items(value):
                    _container(facts, source, container, f"{here}/{index}", owner, namespace)
            elif (
                isinstance(current, yaml.MappingNode)
                and key == "volumes"
                and isinstance(value, yaml.SequenceNode)
            ):
                _volumes(facts, source, value, here, owner, namespace)
            else:
                stack.append((value, here))


def _container(
    facts: Facts, source: SourceFile, node: yaml.Node, pointer: str, owner: str, namespace: str | None
) -> None:
    name = scalar(child(node, "name")) or "?"
    where = f"{owner} container {name}"
    env = child(node, "env")
    for index, line, var in items(env) if env is not None else ():
        var_name = scalar(child(var, "name")) or "?"
        value_from = child(var, "valueFrom")
        if value_from is not None:
            kinds = sorted(_REFERENCE_KEYS[k] for k in _REFERENCE_KEYS if child(value_from, k) is not None)
            description = {
                "kind": "reference",
                "type": "string",
                "references": kinds or ["value_from"],
                "length": "short",
                "shapes": [],
            }
            facts.add(
                source,
                pointer=f"{pointer}/env/{index}/valueFrom",
                key=var_name,
                line=line,
                value=None,
                place="container_env",
                fmt="kubernetes",
                owner=where,
                description=description,
            )
            ref = child(value_from, "configMapKeyRef")
            if ref is not None and scalar(child(ref, "name")):
                facts.uses(
                    scalar(child(ref, "name")) or "", _use(facts, source, line, where, namespace, "env")
                )
            continue
        value = child(var, "value")
        if isinstance(value, yaml.ScalarNode):
            for leaf in leaves(value, f"{pointer}/env/{index}/value", var_name, value.start_mark.line + 1):
                facts.leaf(source, leaf, place="container_env", fmt="kubernetes", owner=where)
    env_from = child(node, "envFrom")
    for _, line, item in items(env_from) if env_from is not None else ():
        ref = child(item, "configMapRef")
        if ref is not None and scalar(child(ref, "name")):
            facts.uses(
                scalar(child(ref, "name")) or "", _use(facts, source, line, where, namespace, "envFrom")
            )


def _volumes(
    facts: Facts, source: SourceFile, node: yaml.Node, pointer: str, owner: str, namespace: str | None
) -> None:
    for _, line, volume in items(node):
        sources = [child(volume, "configMap")]
        projected = child(volume, "projected")
        projected_sources = child(projected, "sources") if projected is not None else None
        sources += (
            [child(s, "configMap") for _, _, s in items(projected_sources)]
            if projected_sources is not None
            else []
        )
        for ref in sources:
            if ref is not None and scalar(child(ref, "name")):
                facts.uses(
                    scalar(child(ref, "name")) or "", _use(facts, source, line, owner, namespace, "volume")
                )


def _use(
    facts: Facts, source: SourceFile, line: int, by: str, namespace: str | None, how: str
) -> dict[str, object]:
    return {"by": by, "namespace": namespace, "how": how, "provenance": facts.ctx.file_ref(source, line)}
