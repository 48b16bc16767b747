"""Creates fixture objects on the live API server the way `kubectl apply` leaves them.

Each object gets the `kubectl.kubernetes.io/last-applied-configuration` annotation that kubectl
writes (a full JSON copy of what was applied, Secret values included), so the tests can prove
the collector drops it. CustomResourceDefinitions are created first and waited for.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import yaml
from kubernetes import client
from kubernetes.dynamic import DynamicClient

LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"
FIRST_KINDS = {"CustomResourceDefinition": 0, "Namespace": 1}


def load_documents(folder: Path) -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = []
    for path in sorted(folder.rglob("*.yaml")):
        documents.extend(doc for doc in yaml.safe_load_all(path.read_text()) if isinstance(doc, dict))
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


def apply_documents(api: client.ApiClient, documents: list[dict[str, Any]]) -> None:
    dynamic = DynamicClient(api)
    ordered = sorted(documents, key=lambda d: FIRST_KINDS.get(d.get("kind", ""), len(FIRST_KINDS)))
    crds_pending = True
    for document in ordered:
        if crds_pending and document.get("kind") != "CustomResourceDefinition":
            for crd in (d for d in ordered if d.get("kind") == "CustomResourceDefinition"):
                _wait_established(api, crd["metadata"]["name"])
            dynamic.resources.invalidate_cache()
            crds_pending = False
        resource = dynamic.resources.get(api_version=document["apiVersion"], kind=document["kind"])
        namespace = document["metadata"].get("namespace") if resource.namespaced else None
        resource.create(body=_with_last_applied(document), namespace=namespace)
