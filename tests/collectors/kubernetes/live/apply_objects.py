"""Creates fixture objects on the live API server the way `kubectl apply` leaves them.

Each object gets the `kubectl.kubernetes.io/last-applied-configuration` annotation that kubectl
writes (a full JSON copy of what was applied, Secret values included), so the tests can prove
the collector drops it. `List` documents are unpacked. CustomResourceDefinitions are created
first and waited for; a custom kind that no CRD in the set defines gets a structural stand-in
(its group, version and kind, an open schema), as installing its operator's CRDs would give.
Namespaces that objects use but no document declares are created, as an operator's install or
`kubectl create namespace` would.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import yaml
from gonogo.collectors.kubernetes import is_cluster_object
from kubernetes import client
from kubernetes.dynamic import DynamicClient
from kubernetes.dynamic.exceptions import ResourceNotFoundError

LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"
FIRST_KINDS = {"CustomResourceDefinition": 0, "Namespace": 1}
CLUSTER_SCOPED_CUSTOM = frozenset({"ClusterIssuer", "NodePool", "Provisioner", "ClusterSecretStore"})


def _file_values(path: Path) -> list[Any]:
    """The documents of a YAML/JSON file; [] for a file that is templating, not YAML (as the
    manifest path skips it)."""
    try:
        if path.suffix == ".json":
            return [json.loads(path.read_text())]
        return list(yaml.safe_load_all(path.read_text()))
    except (yaml.YAMLError, ValueError):
        return []


def load_documents(folder: Path) -> list[dict[str, Any]]:
    """Every Kubernetes object of the YAML and JSON files under `folder` (or the one file), as
    the manifest path recognises them, `List` items unpacked."""
    documents: list[dict[str, Any]] = []
    paths = [folder] if folder.is_file() else sorted([*folder.rglob("*.yaml"), *folder.rglob("*.json")])
    for path in paths:
        for value in _file_values(path):
            if not is_cluster_object(value):
                continue
            if str(value["kind"]).endswith("List") and isinstance(value.get("items"), list):
                documents.extend(item for item in value["items"] if is_cluster_object(item))
            else:
                documents.append(value)
    return documents


def _with_last_applied(document: dict[str, Any]) -> dict[str, Any]:
    body = json.loads(json.dumps(document))
    annotations = body.setdefault("metadata", {}).setdefault("annotations", {})
    annotations[LAST_APPLIED] = json.dumps(document, sort_keys=True)
    return body


def _wait_established(api: client.ApiClient, name: str, timeout: float = 30) -> None:
    extensions = client.ApiextensionsV1Api(api)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        crd = extensions.read_custom_resource_definition(name)
        conditions = (crd.status.conditions if crd.status else None) or []
        if any(c.type == "Established" and c.status == "True" for c in conditions):
            return
        time.sleep(0.2)
    raise TimeoutError(f"CustomResourceDefinition {name} not Established after {timeout}s")


def stand_in_crd(api_version: str, kind: str) -> dict[str, Any]:
    group, version = api_version.split("/", 1)
    plural = kind.lower() + ("es" if kind.lower().endswith("s") else "s")
    metadata: dict[str, Any] = {"name": f"{plural}.{group}"}
    if group.endswith((".k8s.io", ".kubernetes.io")):  # protected groups need the approval note
        metadata["annotations"] = {"api-approved.kubernetes.io": "unapproved, gonogo test stand-in"}
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": metadata,
        "spec": {
            "group": group,
            "scope": "Cluster" if kind in CLUSTER_SCOPED_CUSTOM else "Namespaced",
            "names": {"kind": kind, "listKind": f"{kind}List", "plural": plural, "singular": kind.lower()},
            "versions": [
                {
                    "name": version,
                    "served": True,
                    "storage": True,
                    "schema": {
                        "openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": True}
                    },
                }
            ],
        },
    }


def _missing_definitions(dynamic: DynamicClient, documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    defined = {
        (d["spec"]["group"], d["spec"]["names"]["kind"])
        for d in documents
        if d.get("kind") == "CustomResourceDefinition"
    }
    missing: dict[tuple[str, str], dict[str, Any]] = {}
    for document in documents:
        api_version, kind = str(document.get("apiVersion", "")), str(document.get("kind", ""))
        if "/" not in api_version or (api_version.split("/")[0], kind) in defined:
            continue
        try:
            dynamic.resources.get(api_version=api_version, kind=kind)
        except ResourceNotFoundError:
            missing.setdefault((api_version, kind), stand_in_crd(api_version, kind))
    return list(missing.values())


def _create(api: client.ApiClient, dynamic: DynamicClient, documents: list[dict[str, Any]]) -> None:
    for document in sorted(documents, key=lambda d: FIRST_KINDS.get(d.get("kind", ""), len(FIRST_KINDS))):
        resource = dynamic.resources.get(api_version=document["apiVersion"], kind=document["kind"])
        namespace = (document["metadata"].get("namespace") or "default") if resource.namespaced else None
        resource.create(body=_with_last_applied(document), namespace=namespace)
        if document["kind"] == "CustomResourceDefinition":
            _wait_established(api, document["metadata"]["name"])


def apply_documents(api: client.ApiClient, documents: list[dict[str, Any]]) -> None:
    dynamic = DynamicClient(api)
    definitions = [d for d in documents if d.get("kind") == "CustomResourceDefinition"]
    _create(api, dynamic, definitions)
    dynamic.resources.invalidate_cache()
    stand_ins = _missing_definitions(dynamic, documents)
    _create(api, dynamic, stand_ins)
    dynamic.resources.invalidate_cache()
    objects = [d for d in documents if d.get("kind") != "CustomResourceDefinition"]
    declared = {d["metadata"]["name"] for d in objects if d.get("kind") == "Namespace"}
    existing = {ns.metadata.name for ns in client.CoreV1Api(api).list_namespace().items}
    used = {d["metadata"].get("namespace") for d in objects if d["metadata"].get("namespace")}
    for name in sorted(used - declared - existing):
        client.CoreV1Api(api).create_namespace({"metadata": {"name": name}})
    _create(api, dynamic, objects)
