"""Kubernetes workload facts: pod templates, containers, env, resources, probes; HPA, VPA, PDB, autoscalers.

Env values are looked at only to decide whether they look like a credential; a value is never
copied into a fact. Only the variable's name and the reason it looks like a credential are kept.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from gonogo.collectors.kubernetes.lines import Locator

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


def image_reference(image: str) -> dict[str, Any]:
    """The tag and digest of an image reference (the distribution reference grammar:
    `[host[:port]/]path[:tag][@digest]`); a port in the registry host is not a tag."""
    name, _, digest = image.partition("@")
    last = name.rsplit("/", 1)[-1]
    tag = last.rsplit(":", 1)[1] if ":" in last else None
    return {"tag": tag or None, "digest": digest or None}


_CONTAINER_FIELDS = {
    "image": "image",
    "resources": "resources",
    "limits": "resources/limits",
    "requests": "resources/requests",
    "liveness": "livenessProbe",
    "readiness": "readinessProbe",
}


def _container_at(locate: Locator, path: tuple[str | int, ...]) -> dict[str, str]:
    at = {"container": locate.at(path)}
    for name, field in _CONTAINER_FIELDS.items():
        at[name] = locate.at(path + tuple(field.split("/")))
    return at


def _container(
    container: dict[str, Any],
    pod_context: dict[str, Any],
    init: bool,
    at: dict[str, str] | None = None,
) -> dict[str, Any]:
    image = str(container.get("image") or "")
    fact: dict[str, Any] = {
        "name": str(container.get("name", "")),
        "image": image,
        "image_ref": image_reference(image),
        "init": init,
        "restart_policy": container.get("restartPolicy"),
        "probes": {
            kind: _probe(container.get(f"{kind}Probe")) for kind in ("liveness", "readiness", "startup")
        },
        "security_context": _security(container, pod_context),
        "env": _env(container),
        "ports": [p.get("containerPort") for p in container.get("ports") or [] if isinstance(p, dict)],
    }
    fact.update(_resources(container.get("resources") or {}))
    if at is not None:
        fact["at"] = at
    return fact


def pod_spec_path(kind: Any) -> tuple[str, ...]:
    """Where a workload kind keeps its pod spec."""
    if kind == "Pod":
        return ("spec",)
    if kind == "CronJob":
        return ("spec", "jobTemplate", "spec", "template", "spec")
    return ("spec", "template", "spec")


REPLICATED_KINDS = ("Deployment", "StatefulSet", "ReplicaSet", "Rollout")


def pod_template(obj: dict[str, Any]) -> dict[str, Any]:
    """The pod template of any workload kind (a CronJob's is two levels down; a Pod is its own)."""
    kind = obj.get("kind")
    spec = _mapping(obj.get("spec"))
    if kind == "Pod":
        return {"metadata": _mapping(obj.get("metadata")), "spec": spec}
    if kind == "CronJob":
        spec = _mapping(_mapping(spec.get("jobTemplate")).get("spec"))
    return _mapping(spec.get("template"))


def _mapping(value: Any) -> dict[str, Any]:
    """The value when it is a mapping, else {}: kustomize patches are read before shapes are checked."""
    return value if isinstance(value, dict) else {}


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


def workload(obj: dict[str, Any], locate: Locator | None = None) -> dict[str, Any]:
    """A workload's facts; with a locator, `at` gives the ref of the fields items point at (the
    replica count, each container's image, resources and probes)."""
    spec = obj.get("spec") or {}
    template = pod_template(obj)
    pod = template.get("spec") or {}
    pod_context = pod.get("securityContext") or {}
    pod_path = pod_spec_path(obj.get("kind"))
    containers = []
    for field, init in (("containers", False), ("initContainers", True)):
        for index, c in enumerate(pod.get(field) or []):
            if isinstance(c, dict):
                at = _container_at(locate, (*pod_path, field, index)) if locate else None
                containers.append(_container(c, pod_context, init, at))
    volumes = [v for v in pod.get("volumes") or [] if isinstance(v, dict)]
    fact: dict[str, Any] = {
        "kind": obj.get("kind"),
        "replicas": count(spec.get("replicas", 1)) if obj.get("kind") in REPLICATED_KINDS else None,
        "replicas_set": "replicas" in spec,
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
    if locate is not None:
        fact["at"] = {"replicas": locate.at(("spec", "replicas")), "pod_spec": locate.at(pod_path)}
    return fact
