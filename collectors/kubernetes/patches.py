"""Kustomize strategic-merge patches, read without kustomize: merged into the base they patch.

A patch is a partial object, not a complete one: it must neither replace the base object of the
same Kind/namespace/name nor be judged as an object of its own. A document is a patch when a
kustomization in view names its file in `patches:` (a `path:` entry) or `patchesStrategicMerge:`
(inline patches there are read too), or, named by none, when it is a workload that kustomize
alone could complete: no `spec.selector` and no container with an `image`.

With its base in view, a patch is merged into it as kustomize does (a strategic merge: mappings
merged key by key, `null` deletes a key, lists of containers, env, volumes, ports ... merged by
their merge key, other lists replaced, `$patch: delete|replace` honoured); the merged object
keeps the base's provenance, and its facts name its patches (`patched_by`). With no base in view, or with
patches of several kustomizations (overlays) on one base, the patch is listed in the collector's
`skipped[]` with the reason, feeding the tables its object would fill, so nothing passes on an
object gonogo cannot know. With `--kustomize` and kubectl or kustomize on PATH, the overlays are
rendered instead and none of this applies to their folders.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

import yaml
from gonogo.collectors.kubernetes.workloads import WORKLOAD_KINDS, pod_template

Pair = tuple[dict[str, Any], dict[str, Any]]
KUSTOMIZATION_NAMES = ("kustomization.yaml", "kustomization.yml", "Kustomization")
_SELECTOR_KINDS = frozenset({"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"})

# patchMergeKey of the core/v1 and apps/v1 list fields (k8s.io/api types.go); other lists replace.
_MERGE_KEYS = {
    "containers": "name",
    "initContainers": "name",
    "ephemeralContainers": "name",
    "env": "name",
    "volumes": "name",
    "imagePullSecrets": "name",
    "volumeMounts": "mountPath",
    "volumeDevices": "devicePath",
    "hostAliases": "ip",
    "topologySpreadConstraints": "topologyKey",
    "resourceClaims": "name",
}


class Patch:
    """One strategic-merge patch: its object, where it was read, and which resources it targets."""

    def __init__(
        self, obj: dict[str, Any], provenance: dict[str, Any], kustomization: str | None, target: Any
    ) -> None:
        self.obj = obj
        self.provenance = provenance
        self.kustomization = kustomization
        metadata = obj.get("metadata") if isinstance(obj.get("metadata"), dict) else {}
        wanted = target if isinstance(target, dict) else {}
        self.kind = str(wanted.get("kind") or obj.get("kind") or "")
        self.name = str(wanted.get("name") or (metadata or {}).get("name") or "")
        namespace = wanted.get("namespace") or (metadata or {}).get("namespace")
        self.namespace = str(namespace) if namespace else None

    @property
    def ref(self) -> str:
        return str(self.provenance.get("ref") or self.provenance.get("file") or "?")

    def identity(self) -> str:
        return "/".join(p for p in (self.kind, self.namespace, self.name) if p)

    def matches(self, obj: dict[str, Any]) -> bool:
        """kustomize's target match: kind exact, name and namespace anchored regular expressions."""
        metadata = obj.get("metadata") if isinstance(obj.get("metadata"), dict) else {}
        if str(obj.get("kind")) != self.kind:
            return False
        if not _anchored(self.name, str((metadata or {}).get("name") or "")):
            return False
        namespace = str((metadata or {}).get("namespace") or "default")
        return self.namespace is None or _anchored(self.namespace, namespace)


def _anchored(pattern: str, value: str) -> bool:
    if pattern == value:
        return True
    try:
        return re.fullmatch(pattern, value) is not None
    except re.error:
        return False


def looks_like_patch(obj: dict[str, Any]) -> bool:
    """A workload kustomize alone could complete: no spec.selector (for the kinds that need one)
    and no container with an image. Such a document is no workload of its own."""
    kind = obj.get("kind")
    if kind not in WORKLOAD_KINDS:
        return False
    if not isinstance(obj.get("metadata", {}), dict) or not isinstance(obj.get("spec", {}), dict):
        return False  # a patch's metadata and spec are mappings: this is a malformed object
    spec = obj.get("spec", {})
    if kind in _SELECTOR_KINDS and spec.get("selector"):
        return False
    pod = pod_template(obj).get("spec")
    containers = []
    if isinstance(pod, dict):
        for field in ("containers", "initContainers"):
            listed = pod.get(field)
            containers += listed if isinstance(listed, list) else []
    return not any(isinstance(c, dict) and c.get("image") for c in containers)


def kustomization_patches(
    documents: list[tuple[str, Any]], parse_inline: Callable[[str, str], list[Pair]]
) -> tuple[dict[str, list[tuple[str, Any]]], list[tuple[Pair, str, Any]]]:
    """From (kustomization file, its parsed value): the patch files each names
    ({file: [(kustomization, target)]}) and its inline strategic-merge patches
    ([(pair, kustomization, target)]; `parse_inline(text, kustomization)` reads one)."""
    files: dict[str, list[tuple[str, Any]]] = {}
    inline: list[tuple[Pair, str, Any]] = []
    for rel, spec in documents:
        if not isinstance(spec, dict):
            continue
        folder = PurePosixPath(rel).parent
        entries: list[tuple[Any, Any]] = []
        for entry in spec.get("patches") or []:
            if isinstance(entry, dict):
                entries.append((entry.get("path") or entry.get("patch"), entry.get("target")))
        for entry in spec.get("patchesStrategicMerge") or []:
            entries.append((entry, None))
        for value, target in entries:
            if not isinstance(value, str) or not value.strip():
                continue
            if "\n" in value.strip():  # an inline patch
                inline += [(pair, rel, target) for pair in parse_inline(value, rel)]
            else:
                path = normalized(folder / value.strip())
                files.setdefault(path, []).append((rel, target))
    return files, inline


def normalized(path: PurePosixPath) -> str:
    """A repository-relative path with `.` and `..` resolved lexically (as kustomize names files)."""
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return str(PurePosixPath(*parts)) if parts else "."


def parse_inline_documents(text: str) -> list[Any]:
    """The documents of an inline patch string (a JSON 6902 list is no object and is dropped)."""
    try:
        return [d for d in yaml.safe_load_all(text) if isinstance(d, dict)]
    except yaml.YAMLError:
        return []


def apply(
    pairs: list[Pair],
    patch_files: dict[str, list[tuple[str, Any]]],
    inline: list[tuple[Pair, str, Any]],
    skip: Callable[[Patch, str], None],
) -> tuple[list[Pair], dict[str, list[str]]]:
    """The pairs with every patch merged into its base (or handed to `skip` with a reason), and
    the refs of the patches merged into each base, by the base's ref."""
    patches: list[Patch] = []
    bases: list[Pair] = []
    for obj, provenance in pairs:
        named = patch_files.get(str(provenance.get("file") or ""))
        if named:
            patches += [Patch(obj, provenance, k, target) for k, target in named]
        elif looks_like_patch(obj):
            patches.append(Patch(obj, provenance, None, None))
        else:
            bases.append((obj, provenance))
    patches += [Patch(obj, provenance, k, target) for (obj, provenance), k, target in inline]
    if not patches:
        return pairs, {}
    targets: dict[int, list[Patch]] = {}
    for patch in patches:
        hits = [i for i, (obj, _) in enumerate(bases) if patch.matches(obj)]
        if not hits:
            skip(patch, f"a Kustomize strategic-merge patch of {patch.identity()}, whose base is not in view")
        for i in hits:
            targets.setdefault(i, []).append(patch)
    merged = list(bases)
    patched: dict[str, list[str]] = {}
    for i, on_base in targets.items():
        overlays = {p.kustomization for p in on_base if p.kustomization is not None}
        if len(overlays) > 1:
            for patch in on_base:
                skip(
                    patch,
                    f"one of the patches of {len(overlays)} kustomizations on {patch.identity()}; "
                    "the base is read unpatched (--kustomize renders each overlay)",
                )
            continue
        obj, provenance = bases[i]
        for patch in on_base:
            obj = strategic_merge(obj, patch.obj)
        merged[i] = (obj, provenance)
        patched.setdefault(str(provenance.get("ref")), []).extend(p.ref for p in on_base)
    return merged, patched


def strategic_merge(base: Any, patch: Any, field: str | None = None) -> Any:
    """`patch` applied to `base` as a strategic merge patch (a new value; neither is changed)."""
    if isinstance(base, dict) and isinstance(patch, dict):
        if patch.get("$patch") == "replace":
            return {k: copy.deepcopy(v) for k, v in patch.items() if k != "$patch"}
        if patch.get("$patch") == "delete":
            return None
        out = copy.deepcopy(base)
        for key, value in patch.items():
            if key.startswith("$"):
                continue
            if value is None:
                out.pop(key, None)
            elif key in out:
                out[key] = strategic_merge(out[key], value, key)
            else:
                out[key] = _clean(value)
        return out
    if isinstance(base, list) and isinstance(patch, list):
        key = _merge_key(field, patch)
        if key is None:
            return _clean(patch)
        out = copy.deepcopy(base)
        for item in patch:
            if not isinstance(item, dict) or key not in item:
                continue
            index = next(
                (i for i, old in enumerate(out) if isinstance(old, dict) and old.get(key) == item[key]), None
            )
            if item.get("$patch") == "delete":
                if index is not None:
                    out.pop(index)
            elif index is None:
                out.append(_clean(item))
            else:
                out[index] = strategic_merge(out[index], item, field)
        return out
    return _clean(patch)


def _merge_key(field: str | None, items: list[Any]) -> str | None:
    if field in _MERGE_KEYS:
        return _MERGE_KEYS[field]
    if field == "ports":  # a container's ports merge by containerPort, a Service's by port
        first = next((i for i in items if isinstance(i, dict)), {})
        return "containerPort" if "containerPort" in first else "port"
    return None


def _clean(value: Any) -> Any:
    """A patch value added as is, without its `$patch` directives."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if not k.startswith("$")}
    if isinstance(value, list):
        return [_clean(v) for v in value if not (isinstance(v, dict) and v.get("$patch") == "delete")]
    return value
