"""Kubernetes scaling and disruption facts: HPAs (any API version, with the API server's defaults),
VPAs, PodDisruptionBudgets, cluster-autoscaler and Karpenter settings."""

from __future__ import annotations

import re
from typing import Any

from gonogo.collectors.kubernetes.lines import Locator
from gonogo.collectors.kubernetes.workloads import count, pod_template


def _v2_metric_target(metric: dict[str, Any]) -> tuple[str, int | None] | None:
    """(resource, averageUtilization) of a Resource metric in v2, v2beta2 or v2beta1 form."""
    if metric.get("type") != "Resource":
        return None
    resource = metric.get("resource") or {}
    target = resource.get("target") or {}
    utilization = target.get("averageUtilization", resource.get("targetAverageUtilization"))
    return str(resource.get("name", "")), utilization


def _scale_rules(rules: Any) -> dict[str, Any] | None:
    if not isinstance(rules, dict):
        return None
    return {
        "policies": len(rules.get("policies") or []),
        "select_policy": rules.get("selectPolicy"),
        "stabilization_window_seconds": rules.get("stabilizationWindowSeconds"),
    }


# What the API server fills in (autoscaling/v2 SetDefaults_HorizontalPodAutoscaler): an HPA without
# metrics scales on 80 % CPU, and a behavior that sets one direction gets the default rules for the
# other. Applying them here gives manifests the same facts a live cluster returns.
DEFAULT_CPU_UTILIZATION = 80
_DEFAULT_SCALE_RULES = {
    "scaleUp": {"policies": 2, "select_policy": "Max", "stabilization_window_seconds": 0, "defaulted": True},
    "scaleDown": {
        "policies": 1,
        "select_policy": "Max",
        "stabilization_window_seconds": 300,
        "defaulted": True,
    },
}


def hpa(obj: dict[str, Any], locate: Locator | None = None) -> dict[str, Any]:
    """An HPA of any API version as v2 facts (with the API server's defaults applied); a v1
    targetCPUUtilizationPercentage becomes a CPU target."""
    spec = obj.get("spec") or {}
    target = spec.get("scaleTargetRef") or {}
    cpu = memory = None
    other_metrics = 0
    if "targetCPUUtilizationPercentage" in spec:
        cpu = spec.get("targetCPUUtilizationPercentage")
    metrics = [m for m in spec.get("metrics") or [] if isinstance(m, dict)]
    for metric in metrics:
        found = _v2_metric_target(metric)
        if found and found[0] == "cpu":
            cpu = found[1]
        elif found and found[0] == "memory":
            memory = found[1]
        else:
            other_metrics += 1
    cpu_defaulted = cpu is None and not metrics
    behavior = spec.get("behavior")
    rules = {}
    for direction in ("scaleUp", "scaleDown"):
        explicit = _scale_rules((behavior or {}).get(direction))
        rules[direction] = explicit or (
            dict(_DEFAULT_SCALE_RULES[direction]) if isinstance(behavior, dict) else None
        )
    return {
        "api_version": obj.get("apiVersion"),
        "target": {"kind": target.get("kind"), "name": target.get("name")},
        "min_replicas": count(spec.get("minReplicas", 1)),
        "max_replicas": count(spec.get("maxReplicas")),
        "cpu_target_percent": DEFAULT_CPU_UTILIZATION if cpu_defaulted else cpu,
        "cpu_target_defaulted": cpu_defaulted,
        "memory_target_percent": memory,
        "other_metrics": other_metrics,
        "scale_up": rules["scaleUp"],
        "scale_down": rules["scaleDown"],
        **({"at": _hpa_at(locate)} if locate is not None else {}),
    }


# KEDA (keda.sh/v1alpha1 ScaledObject): the HPA KEDA creates, `keda-hpa-<name>` unless
# advanced.horizontalPodAutoscalerConfig.name says otherwise; minReplicaCount defaults to 0,
# maxReplicaCount to 100, scaleTargetRef.kind to Deployment (keda.sh/docs, ScaledObject spec).
KEDA_DEFAULT_MIN_REPLICAS = 0
KEDA_DEFAULT_MAX_REPLICAS = 100


def keda_hpa_name(obj: dict[str, Any]) -> str:
    """The name of the HPA KEDA creates for a ScaledObject."""
    spec = obj.get("spec") or {}
    config = (spec.get("advanced") or {}).get("horizontalPodAutoscalerConfig") or {}
    return str(config.get("name") or f"keda-hpa-{(obj.get('metadata') or {}).get('name', '')}")


def _keda_utilization(trigger: dict[str, Any]) -> int | float | None:
    """A cpu/memory trigger's Utilization target (metricType, or the older metadata.type)."""
    metadata = trigger.get("metadata") or {}
    metric_type = trigger.get("metricType") or metadata.get("type") or "Utilization"
    if metric_type != "Utilization":
        return None
    try:
        value = float(str(metadata.get("value")))
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


def keda_scaled_object(obj: dict[str, Any], locate: Locator | None = None) -> dict[str, Any]:
    """A KEDA ScaledObject as the facts of the HPA KEDA creates from it: its replica bounds (with
    KEDA's defaults), a cpu or memory trigger's Utilization value as the HPA's target, every other
    trigger an external metric, and advanced.horizontalPodAutoscalerConfig.behavior."""
    spec = obj.get("spec") or {}
    target = spec.get("scaleTargetRef") or {}
    cpu = memory = None
    other_metrics = 0
    for trigger in [t for t in spec.get("triggers") or [] if isinstance(t, dict)]:
        kind = trigger.get("type")
        utilization = _keda_utilization(trigger) if kind in ("cpu", "memory") else None
        if kind == "cpu" and utilization is not None:
            cpu = utilization
        elif kind == "memory" and utilization is not None:
            memory = utilization
        else:
            other_metrics += 1
    config = (spec.get("advanced") or {}).get("horizontalPodAutoscalerConfig") or {}
    behavior = config.get("behavior")
    rules = {}
    for direction in ("scaleUp", "scaleDown"):
        explicit = _scale_rules((behavior or {}).get(direction))
        rules[direction] = explicit or (
            dict(_DEFAULT_SCALE_RULES[direction]) if isinstance(behavior, dict) else None
        )
    fact: dict[str, Any] = {
        "api_version": obj.get("apiVersion"),
        "source": "keda ScaledObject",
        "scaled_object": (obj.get("metadata") or {}).get("name"),
        "target": {"kind": target.get("kind") or "Deployment", "name": target.get("name")},
        "min_replicas": count(spec.get("minReplicaCount", KEDA_DEFAULT_MIN_REPLICAS)),
        "max_replicas": count(spec.get("maxReplicaCount", KEDA_DEFAULT_MAX_REPLICAS)),
        "cpu_target_percent": cpu,
        "cpu_target_defaulted": False,
        "memory_target_percent": memory,
        "other_metrics": other_metrics,
        "scale_up": rules["scaleUp"],
        "scale_down": rules["scaleDown"],
    }
    if locate is not None:
        fact["at"] = {
            "min_replicas": locate.at(("spec", "minReplicaCount")),
            "max_replicas": locate.at(("spec", "maxReplicaCount")),
            "metrics": locate.at(("spec", "triggers")),
            "behavior": locate.at(("spec", "advanced", "horizontalPodAutoscalerConfig", "behavior")),
            "target": locate.at(("spec", "scaleTargetRef")),
        }
    return fact


def _hpa_at(locate: Locator) -> dict[str, str]:
    """Refs of the HPA fields 7.1.1 judges (a v1 HPA's CPU target is targetCPUUtilizationPercentage)."""
    return {
        "min_replicas": locate.at(("spec", "minReplicas")),
        "max_replicas": locate.at(("spec", "maxReplicas")),
        "metrics": locate.at(("spec", "metrics")),
        "behavior": locate.at(("spec", "behavior")),
        "target": locate.at(("spec", "scaleTargetRef")),
    }


def vpa(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    target = spec.get("targetRef") or {}
    policies = (spec.get("resourcePolicy") or {}).get("containerPolicies") or []
    return {
        "target": {"kind": target.get("kind"), "name": target.get("name")},
        "update_mode": (spec.get("updatePolicy") or {}).get("updateMode", "Auto"),
        "container_policies": len(policies),
        "has_max_allowed": any(isinstance(p, dict) and p.get("maxAllowed") for p in policies),
        "has_min_allowed": any(isinstance(p, dict) and p.get("minAllowed") for p in policies),
    }


def _percent(value: Any) -> float | None:
    """An IntOrString percentage ("50%") as a number; None for an integer or absent value."""
    if isinstance(value, str) and value.strip().endswith("%"):
        return float(value.strip()[:-1])
    return None


def pdb(obj: dict[str, Any], locate: Locator | None = None) -> dict[str, Any]:
    """A PodDisruptionBudget: its budget (minAvailable / maxUnavailable, integers or percentages)
    and its label selector. policy/v1: an empty selector selects every pod of the namespace, an
    absent one none (policy/v1beta1 selected none with either)."""
    spec = obj.get("spec") or {}
    selector = spec.get("selector")
    min_available, max_unavailable = spec.get("minAvailable"), spec.get("maxUnavailable")
    fact: dict[str, Any] = {
        "api_version": obj.get("apiVersion"),
        "min_available": min_available,
        "max_unavailable": max_unavailable,
        "min_available_percent": _percent(min_available),
        "max_unavailable_percent": _percent(max_unavailable),
        "selector": (selector or {}).get("matchLabels") or {} if isinstance(selector, dict) else {},
        "label_selector": selector if isinstance(selector, dict) else None,
        "selects_all": selector == {} and obj.get("apiVersion") == "policy/v1",
    }
    if locate is not None:
        only_max = "maxUnavailable" in spec and "minAvailable" not in spec
        budget = "maxUnavailable" if only_max else "minAvailable"
        fact["at"] = {"budget": locate.at(("spec", budget)), "selector": locate.at(("spec", "selector"))}
    return fact


_AUTOSCALER_FLAGS = (
    "cloud-provider",
    "nodes",
    "node-group-auto-discovery",
    "scale-down-enabled",
    "scale-down-unneeded-time",
    "scale-down-utilization-threshold",
    "max-nodes-total",
    "expander",
    "balance-similar-node-groups",
    "scale-down-delay-after-add",
)


def cluster_autoscaler_settings(obj: dict[str, Any]) -> dict[str, Any] | None:
    """Settings of a cluster-autoscaler Deployment (recognised by its image or command), else None."""
    pod = pod_template(obj).get("spec") or {}
    for container in pod.get("containers") or []:
        if not isinstance(container, dict):
            continue
        words = [str(w) for w in (container.get("command") or []) + (container.get("args") or [])]
        if "cluster-autoscaler" not in str(container.get("image", "")) and not any(
            w.endswith("cluster-autoscaler") for w in words
        ):
            continue
        flags: dict[str, list[str]] = {}
        for word in words:
            name, _, value = word.lstrip("-").partition("=")
            if word.startswith("--") and name in _AUTOSCALER_FLAGS:
                flags.setdefault(name, []).append(value or "true")
        return {
            "image": str(container.get("image", "")),
            "cloud_provider": (flags.get("cloud-provider") or [None])[0],
            "node_groups": flags.get("nodes", []),
            "auto_discovery": flags.get("node-group-auto-discovery", []),
            "scale_down_enabled": (flags.get("scale-down-enabled") or ["true"])[0] != "false",
            "settings": {k: v[0] if len(v) == 1 else v for k, v in flags.items()},
        }
    return None


def karpenter_pool(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    limits = spec.get("limits") or {}
    if isinstance(limits.get("resources"), dict):  # karpenter.sh/v1alpha5 Provisioner
        limits = limits["resources"]
    return {
        "kind": obj.get("kind"),
        "limits": {str(k): str(v) for k, v in limits.items()},
        "disruption": bool(
            spec.get("disruption") or spec.get("consolidation") or spec.get("ttlSecondsAfterEmpty")
        ),
    }


def autoscaler_health(status_text: Any) -> str | None:
    """Cluster-wide health from the cluster-autoscaler-status ConfigMap (the only ConfigMap value read)."""
    if not isinstance(status_text, str):
        return None
    match = re.search(r"Cluster-wide:\s*\n?\s*Health:\s*(\w+)", status_text)
    if match:
        return match.group(1)
    match = re.search(r"health:\s*\n\s*status:\s*(\w+)", status_text, re.IGNORECASE)
    return match.group(1) if match else None
