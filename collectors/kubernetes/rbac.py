"""RBAC facts: Roles and ClusterRoles (wildcards, aggregation, Kubernetes' own), and bindings."""

from __future__ import annotations

from typing import Any


def is_system(obj: dict[str, Any]) -> bool:
    """Kubernetes' own RBAC: `system:` names, and the API server's bootstrap policy, which it labels
    kubernetes.io/bootstrapping=rbac-defaults (cluster-admin binding, kube-system reader roles, ...)."""
    metadata = obj.get("metadata") or {}
    labels = metadata.get("labels") or {}
    return str(metadata.get("name", "")).startswith("system:") or labels.get(
        "kubernetes.io/bootstrapping"
    ) == ("rbac-defaults")


def role(obj: dict[str, Any]) -> dict[str, Any]:
    wildcard_verbs = wildcard_resources = False
    rules = [r for r in obj.get("rules") or [] if isinstance(r, dict)]
    for rule in rules:
        wildcard_verbs = wildcard_verbs or "*" in (rule.get("verbs") or [])
        wildcard_resources = (
            wildcard_resources or "*" in (rule.get("resources") or []) or "*" in (rule.get("apiGroups") or [])
        )
    name = str((obj.get("metadata") or {}).get("name", ""))
    return {
        "kind": obj.get("kind"),
        "rules": len(rules),
        "wildcard_verbs": wildcard_verbs,
        "wildcard_resources": wildcard_resources,
        "aggregated": "aggregationRule" in obj,
        "system": is_system(obj) or name in ("cluster-admin", "admin", "edit", "view"),
    }


def binding(obj: dict[str, Any]) -> dict[str, Any]:
    ref = obj.get("roleRef") or {}
    subjects = [
        {"kind": s.get("kind"), "name": s.get("name"), "namespace": s.get("namespace")}
        for s in obj.get("subjects") or []
        if isinstance(s, dict)
    ]
    return {
        "kind": obj.get("kind"),
        "role": {"kind": ref.get("kind"), "name": ref.get("name")},
        "subjects": subjects,
        "system": is_system(obj),
    }
