"""Kubernetes workload facts: pod templates, containers, env, resources, probes; HPA, VPA, PDB, autoscalers.

Env values are looked at only to decide whether they look like a credential; a value is never
copied into a fact. Only the variable's name and the reason it looks like a credential are kept.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

WORKLOAD_KINDS = frozenset({"Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job", "ReplicaSet", "Pod"})

_CREDENTIAL_NAME = re.compile(
    r"(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH_?KEY|"
    r"CLIENT_?SECRET|SIGNING_?KEY|ENCRYPTION_?KEY|DSN|CONNECTION_?STRING)",
    re.IGNORECASE,
)
_CREDENTIAL_VALUE = (
    ("URL with embedded password", re.compile(r"^[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@", re.IGNORECASE)),
    ("private key block", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
    ("AWS access key id", re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("GitHub token", re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}\b")),
    ("Slack token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}")),
    ("Stripe key", re.compile(r"\b[sr]k_(live|test)_[A-Za-z0-9]{10,}")),
    ("JSON web token", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.")),
)
_NOT_A_SECRET_VALUE = re.compile(r"^(true|false|yes|no|on|off|none|null|\d+|[a-z]+)$", re.IGNORECASE)


def credential_reason(name: str, value: str) -> str | None:
    """Why an env literal looks like a credential, or None. Never returns the value."""
    for reason, pattern in _CREDENTIAL_VALUE:
        if pattern.search(value):
            return reason
    if _CREDENTIAL_NAME.search(name) and value.strip() and not _NOT_A_SECRET_VALUE.match(value.strip()):
        return "variable name suggests a credential"
    return None


_QUANTITY = re.compile(
    r"^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$"
)
_SUFFIX = {
    "n": Decimal("1e-9"),
    "u": Decimal("1e-6"),
    "m": Decimal("1e-3"),
    "k": Decimal(10) ** 3,
    "M": Decimal(10) ** 6,
    "G": Decimal(10) ** 9,
    "T": Decimal(10) ** 12,
    "P": Decimal(10) ** 15,
    "E": Decimal(10) ** 18,
    "Ki": Decimal(2) ** 10,
    "Mi": Decimal(2) ** 20,
    "Gi": Decimal(2) ** 30,
    "Ti": Decimal(2) ** 40,
    "Pi": Decimal(2) ** 50,
    "Ei": Decimal(2) ** 60,
}


def parse_quantity(value: Any) -> Decimal:
    """A Kubernetes resource quantity (apimachinery's resource.Quantity grammar) as a Decimal.

    Written here rather than imported from the kubernetes client: importing that package costs
    about 0.4 s, which the manifest path (the pre-commit hook) should not pay for one function.
    tests/collectors/kubernetes/test_quantity.py checks it against kubernetes.utils.parse_quantity.
    """
    if isinstance(value, bool):
        raise ValueError(f"not a quantity: {value!r}")
    if isinstance(value, int | float):
        return Decimal(str(value))
    match = _QUANTITY.match(str(value).strip())
    if not match:
        raise ValueError(f"not a quantity: {value!r}")
    number, exponent, suffix = match.groups()
    if exponent:
        return Decimal(number + exponent)
    return Decimal(number) * _SUFFIX[suffix] if suffix else Decimal(number)


def quantity(value: Any) -> float | None:
    """A Kubernetes quantity as a number (cores for CPU, bytes for memory); None when unparseable."""
    if value is None:
        return None
    try:
        return float(parse_quantity(value))
    except (ValueError, TypeError, InvalidOperation, ArithmeticError):
        return None


def _resources(spec: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for group in ("requests", "limits"):
        values = spec.get(group) or {}
        out[group] = {res: str(values[res]) for res in ("cpu", "memory") if values.get(res) is not None}
        out[f"{group}_parsed"] = {
            res: parsed for res in ("cpu", "memory") if (parsed := quantity(values.get(res))) is not None
        }
    return out


def _env(container: dict[str, Any]) -> dict[str, Any]:
    secret_refs: list[str] = []
    configmap_refs: list[str] = []
    literals: list[dict[str, Any]] = []
    for var in container.get("env") or []:
        if not isinstance(var, dict):
            continue
        name = str(var.get("name", ""))
        source = var.get("valueFrom") or {}
        if "secretKeyRef" in source:
            secret_refs.append(str((source["secretKeyRef"] or {}).get("name", "")))
        elif "configMapKeyRef" in source:
            configmap_refs.append(str((source["configMapKeyRef"] or {}).get("name", "")))
        elif "value" in var:
            reason = credential_reason(name, str(var.get("value") if var.get("value") is not None else ""))
            literal: dict[str, Any] = {"name": name, "looks_like_credential": reason is not None}
            if reason:
                literal["reason"] = reason
            literals.append(literal)
    for source in container.get("envFrom") or []:
        if not isinstance(source, dict):
            continue
        if "secretRef" in source:
            secret_refs.append(str((source["secretRef"] or {}).get("name", "")))
        if "configMapRef" in source:
            configmap_refs.append(str((source["configMapRef"] or {}).get("name", "")))
    return {
        "secret_refs": sorted(set(secret_refs)),
        "configmap_refs": sorted(set(configmap_refs)),
        "literals": literals,
    }


def _probe(probe: Any) -> dict[str, Any] | None:
    if not isinstance(probe, dict):
        return None
    handler = next((k for k in ("httpGet", "tcpSocket", "exec", "grpc") if k in probe), "unknown")
    return {
        "handler": handler,
        "period_seconds": probe.get("periodSeconds"),
        "failure_threshold": probe.get("failureThreshold"),
    }


def _security(container: dict[str, Any], pod_context: dict[str, Any]) -> dict[str, Any]:
    ctx = container.get("securityContext") or {}
    caps = (ctx.get("capabilities") or {}).get("drop") or []
    run_as_non_root = ctx.get("runAsNonRoot", pod_context.get("runAsNonRoot"))
    return {
        "run_as_non_root": run_as_non_root,
        "run_as_user": ctx.get("runAsUser", pod_context.get("runAsUser")),
        "privileged": ctx.get("privileged"),
        "allow_privilege_escalation": ctx.get("allowPrivilegeEscalation"),
        "read_only_root_filesystem": ctx.get("readOnlyRootFilesystem"),
        "drops_all_capabilities": any(str(c).upper() == "ALL" for c in caps),
    }


def _container(container: dict[str, Any], pod_context: dict[str, Any], init: bool) -> dict[str, Any]:
    fact: dict[str, Any] = {
        "name": str(container.get("name", "")),
        "image": str(container.get("image", "")),
        "init": init,
        "probes": {
            kind: _probe(container.get(f"{kind}Probe")) for kind in ("liveness", "readiness", "startup")
        },
        "security_context": _security(container, pod_context),
        "env": _env(container),
        "ports": [p.get("containerPort") for p in container.get("ports") or [] if isinstance(p, dict)],
    }
    fact.update(_resources(container.get("resources") or {}))
    return fact


def pod_template(obj: dict[str, Any]) -> dict[str, Any]:
    """The pod template of any workload kind (a CronJob's is two levels down; a Pod is its own)."""
    kind = obj.get("kind")
    spec = obj.get("spec") or {}
    if kind == "Pod":
        return {"metadata": obj.get("metadata") or {}, "spec": spec}
    if kind == "CronJob":
        spec = ((spec.get("jobTemplate") or {}).get("spec")) or {}
    return spec.get("template") or {}


def command_words(obj: dict[str, Any]) -> str:
    """Images, commands and args of a workload as one lowercase string, for recognising what it runs."""
    pod = pod_template(obj).get("spec") or {}
    words: list[str] = []
    for container in (pod.get("containers") or []) + (pod.get("initContainers") or []):
        if isinstance(container, dict):
            words.append(str(container.get("image", "")))
            words.extend(str(w) for w in (container.get("command") or []) + (container.get("args") or []))
    return " ".join(words).lower()


def count(value: Any) -> int | None:
    """A replica count as the API server takes it: an integer (or absent). Anything else (a list,
    "two", 1.0e+400) is a shape error, so the object is skipped, not the run failed."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise TypeError("a replica count is not an integer")


def workload(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    template = pod_template(obj)
    pod = template.get("spec") or {}
    pod_context = pod.get("securityContext") or {}
    containers = [
        _container(c, pod_context, False) for c in pod.get("containers") or [] if isinstance(c, dict)
    ]
    containers += [
        _container(c, pod_context, True) for c in pod.get("initContainers") or [] if isinstance(c, dict)
    ]
    volumes = [v for v in pod.get("volumes") or [] if isinstance(v, dict)]
    fact: dict[str, Any] = {
        "kind": obj.get("kind"),
        "replicas": count(spec.get("replicas", 1))
        if obj.get("kind") in ("Deployment", "StatefulSet")
        else None,
        "pod_labels": dict((template.get("metadata") or {}).get("labels") or {}),
        "service_account": pod.get("serviceAccountName") or pod.get("serviceAccount") or "default",
        "automount_service_account_token": pod.get("automountServiceAccountToken"),
        "host_network": bool(pod.get("hostNetwork")),
        "containers": containers,
        "pvc_claims": sorted(
            str((v.get("persistentVolumeClaim") or {}).get("claimName", ""))
            for v in volumes
            if "persistentVolumeClaim" in v
        ),
        "secret_volumes": sorted(
            str((v.get("secret") or {}).get("secretName", "")) for v in volumes if "secret" in v
        ),
        "configmap_volumes": sorted(
            str((v.get("configMap") or {}).get("name", "")) for v in volumes if "configMap" in v
        ),
        "volume_claim_templates": len(spec.get("volumeClaimTemplates") or []),
    }
    if obj.get("kind") == "CronJob":
        fact["schedule"] = spec.get("schedule")
        fact["suspend"] = bool(spec.get("suspend"))
    return fact


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


def hpa(obj: dict[str, Any]) -> dict[str, Any]:
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


def pdb(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    return {
        "min_available": spec.get("minAvailable"),
        "max_unavailable": spec.get("maxUnavailable"),
        "selector": (spec.get("selector") or {}).get("matchLabels") or {},
    }


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
