"""Kubernetes objects -> the snapshot's `kubernetes` section, the same for manifests and a live cluster.

`normalize()` is a pure function: it takes (object, provenance) pairs and returns facts indexed by
kind, namespace and name, so that Rego looks them up by key instead of joining lists. Joins that
items need (an HPA and its target, a NetworkPolicy and the pods it selects, a database and its
backups) are done here, once, in Python.

Secrets: a Secret's `data`/`stringData` is never read; an env literal is only classified (its name
and whether it looks like a credential are kept, never its value).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from gonogo.collectors.kubernetes import backups as backups
from gonogo.collectors.kubernetes import network as net
from gonogo.collectors.kubernetes import rbac as rbac
from gonogo.collectors.kubernetes import scaling as sc
from gonogo.collectors.kubernetes import state as state
from gonogo.collectors.kubernetes import workloads as wl
from gonogo.collectors.kubernetes.lines import FieldLines, Locator
from gonogo.collectors.kubernetes.links import link

CLUSTER_SCOPED = frozenset(
    {
        "Namespace",
        "Node",
        "ClusterRole",
        "ClusterRoleBinding",
        "ClusterIssuer",
        "PersistentVolume",
        "StorageClass",
        "NodePool",
        "Provisioner",
        "IngressClass",
        "CustomResourceDefinition",
        "PriorityClass",
        "APIService",
    }
)
SYSTEM_NAMESPACES = frozenset({"kube-system", "kube-public", "kube-node-lease"})
SECTION_KEYS = (
    "cluster",
    "namespaces",
    "workloads",
    "autoscaling",
    "pdbs",
    "network_policies",
    "rbac",
    "secrets",
    "configmaps",
    "ingresses",
    "certificates",
    "issuers",
    "services",
    "dns",
    "backups",
    "databases",
    "connection_poolers",
    "volumes",
    "gitops",
)


def _group(api_version: str) -> str:
    return api_version.split("/", 1)[0] if "/" in api_version else ""


def _empty() -> dict[str, Any]:
    return {
        "objects": 0,
        "kinds": {},
        "cluster": {},
        "namespaces": {},
        "workloads": {},
        "autoscaling": {"hpas": {}, "vpas": {}, "cluster_autoscalers": {}, "node_pools": {}},
        "pdbs": {},
        "network_policies": {"policies": {}, "namespaces": {}},
        "rbac": {"roles": {}, "bindings": {}, "service_accounts": {}},
        "secrets": {},
        "configmaps": {},
        "ingresses": {},
        "certificates": {},
        "issuers": {},
        "services": {},
        "dns": {"records": {}, "controllers": {}},
        "backups": {
            "velero_schedules": {},
            "velero_locations": {},
            "cronjobs": {},
            "operator_schedules": {},
            "object_stores": {},
        },
        "databases": {},
        "connection_poolers": {},
        "volumes": {},
        "gitops": {},
    }


_ABSENT = object()


class _Builder:
    def __init__(self, lines: FieldLines | None = None) -> None:
        self.lines = lines or FieldLines()
        self.locate = Locator("?")
        """Where the fields of the object being added are (set by add())."""
        self.out = _empty()
        self.kinds: Counter[str] = Counter()
        self.raw_autoscaler_status: list[tuple[str, Any, dict[str, Any]]] = []
        self.unreadable: list[dict[str, str]] = []
        self.journal: list[tuple[dict[str, Any], str, Any]] = []
        """What put() wrote for the object being added, so a shape error can take it back."""

    def put(
        self,
        table: dict[str, Any],
        key: str,
        fact: dict[str, Any],
        meta: dict[str, Any],
        provenance: dict[str, Any],
    ) -> None:
        fact.update({"name": meta["name"], "provenance": provenance})
        if meta.get("namespace") is not None:
            fact["namespace"] = meta["namespace"]
        self.journal.append((table, key, table.get(key, _ABSENT)))
        table[key] = fact

    def add(self, obj: dict[str, Any], provenance: dict[str, Any], locate: Locator | None = None) -> None:
        if not isinstance(obj, dict) or not obj.get("kind") or not obj.get("apiVersion"):
            return
        self.locate = locate or self.lines.locator(provenance)
        kinds, self.journal = self.kinds.copy(), []
        try:
            self._add(obj, provenance)
        except (AttributeError, TypeError, KeyError, ValueError, OverflowError) as exc:
            # A shape the API server would reject costs that object only: what it wrote is taken
            # back, it is recorded as unreadable (named, never quoting its content) and the other
            # objects are still read.
            self.kinds = kinds
            for table, key, previous in reversed(self.journal):
                if previous is _ABSENT:
                    table.pop(key, None)
                else:
                    table[key] = previous
            self.unreadable.append(
                {
                    "ref": str(provenance.get("ref", "?")),
                    "file": str(provenance.get("file") or provenance.get("ref") or "?"),
                    "reason": f"{obj.get('kind')} has an unexpected shape ({exc.__class__.__name__}); "
                    "not a valid Kubernetes object",
                }
            )

    def _add(self, obj: dict[str, Any], provenance: dict[str, Any]) -> None:
        kind, group = str(obj["kind"]), _group(str(obj["apiVersion"]))
        metadata = obj.get("metadata") or {}
        if not isinstance(metadata, dict):
            raise TypeError("metadata is not a mapping")
        name = str(metadata.get("name") or metadata.get("generateName") or "")
        namespace = None if kind in CLUSTER_SCOPED else str(metadata.get("namespace") or "default")
        meta = {"name": name, "namespace": namespace}
        key = f"{namespace}/{name}" if namespace is not None else name
        self.kinds[kind] += 1
        out = self.out
        handler = _HANDLERS.get((group, kind)) or _HANDLERS.get(("*", kind))
        if handler:
            handler(self, obj, key, meta, provenance)
        elif kind in wl.WORKLOAD_KINDS or (group == "argoproj.io" and kind == "Rollout"):
            self.add_workload(obj, kind, key, meta, provenance)
        elif group == "velero.io" and kind == "Schedule":
            self.put(out["backups"]["velero_schedules"], key, backups.velero_schedule(obj), meta, provenance)
        elif group == "velero.io" and kind == "BackupStorageLocation":
            self.put(out["backups"]["velero_locations"], key, backups.velero_location(obj), meta, provenance)
        elif (
            group in ("redis.redis.opstreelabs.in", "databases.spotahome.com")
            and kind.startswith("Redis")
            and kind != "RedisSentinel"
        ):
            self.put(out["databases"], f"{kind}/{key}", state.redis_operator(obj), meta, provenance)
        elif (group == "argoproj.io" and kind in ("Application", "ApplicationSet")) or (
            group.endswith("toolkit.fluxcd.io") and kind in ("Kustomization", "HelmRelease", "GitRepository")
        ):
            self.put(out["gitops"], f"{kind}/{key}", backups.gitops_source(obj), meta, provenance)

    def add_workload(
        self, obj: dict[str, Any], kind: str, key: str, meta: dict[str, Any], provenance: dict[str, Any]
    ) -> None:
        out = self.out
        self.put(out["workloads"], f"{kind}/{key}", wl.workload(obj, self.locate), meta, provenance)
        settings = sc.cluster_autoscaler_settings(obj)
        if settings:
            self.put(out["autoscaling"]["cluster_autoscalers"], f"{kind}/{key}", settings, meta, provenance)
        words = wl.command_words(obj)
        if "external-dns" in words:
            pod = wl.pod_template(obj).get("spec") or {}
            args = [
                str(a)
                for c in pod.get("containers") or []
                for a in (c.get("args") or []) + (c.get("command") or [])
            ]
            self.put(
                out["dns"]["controllers"],
                f"{kind}/{key}",
                net.external_dns_controller(args),
                meta,
                provenance,
            )
        if kind == "CronJob":
            backup = backups.backup_cronjob(obj, meta["name"])
            if backup:
                self.put(out["backups"]["cronjobs"], key, backup, meta, provenance)
        pooler = state.pooler_from_workload(obj) if kind in ("Deployment", "StatefulSet") else None
        if pooler:
            self.put(out["connection_poolers"], f"{kind}/{key}", pooler, meta, provenance)
        if kind in ("StatefulSet", "Deployment") and not pooler:
            engines = {
                e
                for c in out["workloads"][f"{kind}/{key}"]["containers"]
                if not c["init"] and (e := state.image_engine(c["image"]))
            }
            if engines:
                engine = sorted(engines)[0]
                self.put(
                    out["databases"], f"{kind}/{key}", state.image_database(obj, engine), meta, provenance
                )

    def finish(self) -> dict[str, Any]:
        for name, status, provenance in self.raw_autoscaler_status:
            health = sc.autoscaler_health(status)
            self.out["autoscaling"]["status"] = {"name": name, "health": health, "provenance": provenance}
        self.out["objects"] = sum(self.kinds.values())
        self.out["kinds"] = dict(sorted(self.kinds.items()))
        link(self.out)
        return self.out


def _configmap(
    b: _Builder, obj: dict[str, Any], key: str, meta: dict[str, Any], prov: dict[str, Any]
) -> None:
    data = obj.get("data") or {}
    b.put(b.out["configmaps"], key, {"keys": len(data) + len(obj.get("binaryData") or {})}, meta, prov)
    if meta["name"] == "cluster-autoscaler-status":
        b.raw_autoscaler_status.append((key, data.get("status"), prov))


def _secret(b: _Builder, obj: dict[str, Any], key: str, meta: dict[str, Any], prov: dict[str, Any]) -> None:
    b.put(
        b.out["secrets"],
        key,
        {
            "type": str(obj.get("type") or "Opaque"),
            "managed_by": ((obj.get("metadata") or {}).get("labels") or {}).get(
                "app.kubernetes.io/managed-by"
            ),
        },
        meta,
        prov,
    )


def _simple(table_path: tuple[str, ...], fn: Any, prefix_kind: bool = False) -> Any:
    def handler(
        b: _Builder, obj: dict[str, Any], key: str, meta: dict[str, Any], prov: dict[str, Any]
    ) -> None:
        table = b.out
        for part in table_path:
            table = table.setdefault(part, {})
        b.put(table, f"{obj['kind']}/{key}" if prefix_kind else key, fn(obj), meta, prov)

    return handler


def _hpa(b: _Builder, obj: dict[str, Any], key: str, meta: dict[str, Any], prov: dict[str, Any]) -> None:
    b.put(b.out["autoscaling"]["hpas"], key, sc.hpa(obj, b.locate), meta, prov)


def _keda_scaled_object(
    b: _Builder, obj: dict[str, Any], key: str, meta: dict[str, Any], prov: dict[str, Any]
) -> None:
    """A ScaledObject is read as the HPA KEDA creates (its name, keyed like an HPA): a live
    cluster lists that HPA too, and the HPA itself, read as the API server returns it, wins."""
    name = sc.keda_hpa_name(obj)
    hpa_key = f"{meta['namespace']}/{name}"
    if hpa_key not in b.out["autoscaling"]["hpas"]:
        b.put(
            b.out["autoscaling"]["hpas"],
            hpa_key,
            sc.keda_scaled_object(obj, b.locate),
            dict(meta, name=name),
            prov,
        )


def _pdb(b: _Builder, obj: dict[str, Any], key: str, meta: dict[str, Any], prov: dict[str, Any]) -> None:
    b.put(b.out["pdbs"], key, sc.pdb(obj, b.locate), meta, prov)


def _dns_endpoint(
    b: _Builder, obj: dict[str, Any], key: str, meta: dict[str, Any], prov: dict[str, Any]
) -> None:
    b.put(
        b.out["dns"]["records"],
        f"DNSEndpoint/{key}",
        {"hostnames": net.dns_endpoint(obj), "source": "DNSEndpoint"},
        meta,
        prov,
    )


def _pvc(b: _Builder, obj: dict[str, Any], key: str, meta: dict[str, Any], prov: dict[str, Any]) -> None:
    spec = obj.get("spec") or {}
    b.put(
        b.out["volumes"],
        f"PersistentVolumeClaim/{key}",
        {
            "kind": "PersistentVolumeClaim",
            "claims": [meta["name"]],
            "storage_class": spec.get("storageClassName"),
            "size": ((spec.get("resources") or {}).get("requests") or {}).get("storage"),
        },
        meta,
        prov,
    )


def _cnpg_scheduled_backup(
    b: _Builder, obj: dict[str, Any], key: str, meta: dict[str, Any], prov: dict[str, Any]
) -> None:
    spec = obj.get("spec") or {}
    b.put(
        b.out["backups"]["operator_schedules"],
        f"ScheduledBackup/{key}",
        {
            "cluster": (spec.get("cluster") or {}).get("name"),
            "schedule": spec.get("schedule"),
            "interval_hours": backups.schedule_interval_hours(spec.get("schedule")),
            "suspended": bool(spec.get("suspend")),
            "method": spec.get("method", "barmanObjectStore"),
        },
        meta,
        prov,
    )


_HANDLERS: dict[tuple[str, str], Any] = {
    ("", "Namespace"): _simple(
        ("namespaces",), lambda o: {"labels": dict((o.get("metadata") or {}).get("labels") or {})}
    ),
    ("", "ConfigMap"): _configmap,
    ("", "Secret"): _secret,
    ("", "Service"): _simple(("services",), net.service),
    ("", "ServiceAccount"): _simple(
        ("rbac", "service_accounts"), lambda o: {"automount_token": o.get("automountServiceAccountToken")}
    ),
    ("", "PersistentVolumeClaim"): _pvc,
    ("autoscaling", "HorizontalPodAutoscaler"): _hpa,
    ("keda.sh", "ScaledObject"): _keda_scaled_object,
    ("autoscaling.k8s.io", "VerticalPodAutoscaler"): _simple(("autoscaling", "vpas"), sc.vpa),
    ("policy", "PodDisruptionBudget"): _pdb,
    ("networking.k8s.io", "NetworkPolicy"): _simple(("network_policies", "policies"), net.network_policy),
    ("networking.k8s.io", "Ingress"): _simple(("ingresses",), net.ingress, prefix_kind=True),
    ("extensions", "Ingress"): _simple(("ingresses",), net.ingress, prefix_kind=True),
    ("route.openshift.io", "Route"): _simple(("ingresses",), net.route, prefix_kind=True),
    ("rbac.authorization.k8s.io", "Role"): _simple(("rbac", "roles"), rbac.role, prefix_kind=True),
    ("rbac.authorization.k8s.io", "ClusterRole"): _simple(("rbac", "roles"), rbac.role, prefix_kind=True),
    ("rbac.authorization.k8s.io", "RoleBinding"): _simple(
        ("rbac", "bindings"), rbac.binding, prefix_kind=True
    ),
    ("rbac.authorization.k8s.io", "ClusterRoleBinding"): _simple(
        ("rbac", "bindings"), rbac.binding, prefix_kind=True
    ),
    ("cert-manager.io", "Certificate"): _simple(("certificates",), net.certificate),
    ("cert-manager.io", "Issuer"): _simple(("issuers",), net.issuer, prefix_kind=True),
    ("cert-manager.io", "ClusterIssuer"): _simple(("issuers",), net.issuer, prefix_kind=True),
    ("externaldns.k8s.io", "DNSEndpoint"): _dns_endpoint,
    ("karpenter.sh", "NodePool"): _simple(("autoscaling", "node_pools"), sc.karpenter_pool, prefix_kind=True),
    ("karpenter.sh", "Provisioner"): _simple(
        ("autoscaling", "node_pools"), sc.karpenter_pool, prefix_kind=True
    ),
    ("postgresql.cnpg.io", "Cluster"): _simple(("databases",), state.cnpg_cluster, prefix_kind=True),
    ("postgresql.cnpg.io", "ScheduledBackup"): _cnpg_scheduled_backup,
    ("postgresql.cnpg.io", "Pooler"): _simple(("connection_poolers",), state.cnpg_pooler, prefix_kind=True),
    ("barmancloud.cnpg.io", "ObjectStore"): _simple(("backups", "object_stores"), state.cnpg_object_store),
    ("acid.zalan.do", "postgresql"): _simple(("databases",), state.zalando_postgresql, prefix_kind=True),
    ("postgres-operator.crunchydata.com", "PostgresCluster"): _simple(
        ("databases",), state.crunchy_postgres, prefix_kind=True
    ),
}


def normalize(
    objects: list[tuple[dict[str, Any], dict[str, Any]]],
    unreadable: list[dict[str, str]] | None = None,
    lines: FieldLines | None = None,
) -> dict[str, Any]:
    """The `kubernetes` section from (object, provenance) pairs; `List` kinds are unpacked.

    An object of the wrong shape is left out and appended to `unreadable` (`{"ref", "file",
    "reason"}`): one bad manifest costs that manifest, never the collector.

    `cluster` (server version, nodes, node pools) is left empty: only a live cluster has it, and
    the collector fills it from cluster.cluster_facts().

    `lines` (the files the objects were read from) lets facts point at the field an item judges
    (`deploy/web.yaml:31`, a container's resources) rather than at the document's first line.
    """
    builder = _Builder(lines)
    for obj, provenance in objects:
        items = (
            obj.get("items") if isinstance(obj, dict) and str(obj.get("kind", "")).endswith("List") else None
        )
        if not isinstance(items, list):
            builder.add(obj, provenance)
            continue
        document = builder.lines.locator(provenance)
        for index, item in enumerate(items):
            builder.add(item, provenance, document.within(("items", index)))
    if unreadable is not None:
        unreadable.extend(builder.unreadable)
    return builder.finish()


def fed_tables(objects: list[dict[str, Any]], placeholder: str) -> list[str]:
    """The `kubernetes.<table>` paths these objects would fill (a Deployment: workloads, ...): the
    evidence an unrendered template holds back, and no other. Fields holding a template value
    (`placeholder`) are left out of the reading; a workload also holds back the tables its image
    decides (databases, connection poolers), since a templated image could be either. Objects of
    an unexpected shape hold back the whole section."""
    unreadable: list[dict[str, str]] = []
    known = [_without(obj, placeholder) for obj in objects]
    scratch = normalize([(obj, {"ref": "template"}) for obj in known], unreadable)
    if unreadable:
        return ["kubernetes"]
    empty = _empty()
    fed = {key for key in SECTION_KEYS if scratch.get(key) != empty.get(key)}
    if "workloads" in fed:
        fed |= {"databases", "connection_poolers"}
    return [f"kubernetes.{key}" for key in SECTION_KEYS if key in fed]


def _without(value: Any, placeholder: str) -> Any:
    """`value` with every mapping entry and list item that holds `placeholder` removed."""
    if isinstance(value, dict):
        return {k: _without(v, placeholder) for k, v in value.items() if not _holds(v, placeholder)}
    if isinstance(value, list):
        return [_without(v, placeholder) for v in value if not _holds(v, placeholder)]
    return value


def _holds(value: Any, placeholder: str) -> bool:
    return isinstance(value, str) and placeholder in value
