"""The live-cluster source of the `kubernetes` collector: objects read from a real API server.

Reached through the kubernetes Python client with a kubeconfig (and context) or the in-cluster
service account. Every kind the manifest path understands is listed with paging (`limit` and
`continue`), across all namespaces or only those in `options["namespaces"]`; custom resources
(cert-manager, Velero, VPA, Prometheus operator, PostgreSQL and Redis operators) are listed
through the custom-objects API when the API server serves their group. Each object comes back
as the same dict a manifest holds, paired with its provenance
`{"collector": "kubernetes", "object": "Kind/ns/name", "ref": "Kind/ns/name"}`, ready for
`facts.normalize()`.

Secrets are listed as Table rows with metadata only (the default `includeObject=Metadata`), so their values
never leave the API server; the `kubectl.kubernetes.io/last-applied-configuration` annotation
(which holds a full copy of an applied Secret) and `managedFields` are dropped from every object.
Any API error raises `ClusterCollectionError`: a partial view of a cluster must block, not approve.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from gonogo.collectors.base import CollectorError
from kubernetes import client, config
from kubernetes.client.exceptions import ApiException
from urllib3.exceptions import HTTPError

COLLECTOR = "kubernetes"
PAGE_SIZE = 500
REQUEST_TIMEOUT = 30
LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"
METADATA_TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io"

# Built-in kinds: (apiVersion, kind, API class, snake-case name, namespaced). The client's listers
# are list_<name>_for_all_namespaces / list_namespaced_<name>, or list_<name> when cluster-scoped.
# Jobs and other objects that a controller owns (ownerReferences) are left out: a manifest
# declares the CronJob, not the Jobs it spawns. Nodes and Namespaces: _list_cluster_scoped().
_RBAC = "rbac.authorization.k8s.io/v1"
BUILTIN_KINDS: tuple[tuple[str, str, type, str, bool], ...] = (
    ("apps/v1", "Deployment", client.AppsV1Api, "deployment", True),
    ("apps/v1", "StatefulSet", client.AppsV1Api, "stateful_set", True),
    ("apps/v1", "DaemonSet", client.AppsV1Api, "daemon_set", True),
    ("batch/v1", "CronJob", client.BatchV1Api, "cron_job", True),
    ("batch/v1", "Job", client.BatchV1Api, "job", True),
    ("autoscaling/v2", "HorizontalPodAutoscaler", client.AutoscalingV2Api, "horizontal_pod_autoscaler", True),
    ("policy/v1", "PodDisruptionBudget", client.PolicyV1Api, "pod_disruption_budget", True),
    ("networking.k8s.io/v1", "NetworkPolicy", client.NetworkingV1Api, "network_policy", True),
    ("networking.k8s.io/v1", "Ingress", client.NetworkingV1Api, "ingress", True),
    ("v1", "Service", client.CoreV1Api, "service", True),
    ("v1", "ConfigMap", client.CoreV1Api, "config_map", True),
    ("v1", "PersistentVolumeClaim", client.CoreV1Api, "persistent_volume_claim", True),
    ("v1", "ServiceAccount", client.CoreV1Api, "service_account", True),
    (_RBAC, "Role", client.RbacAuthorizationV1Api, "role", True),
    (_RBAC, "RoleBinding", client.RbacAuthorizationV1Api, "role_binding", True),
    (_RBAC, "ClusterRole", client.RbacAuthorizationV1Api, "cluster_role", False),
    (_RBAC, "ClusterRoleBinding", client.RbacAuthorizationV1Api, "cluster_role_binding", False),
)

# Custom resources read when the API server serves their group (kinds found by discovery).
CUSTOM_KINDS: dict[str, tuple[str, ...]] = {
    "cert-manager.io": ("Certificate", "Issuer", "ClusterIssuer"),
    "velero.io": ("Schedule", "BackupStorageLocation", "VolumeSnapshotLocation", "Restore", "Backup"),
    "litmuschaos.io": ("ChaosResult",),
    "chaos-mesh.org": (
        "PodChaos",
        "NetworkChaos",
        "IOChaos",
        "StressChaos",
        "TimeChaos",
        "KernelChaos",
        "DNSChaos",
        "HTTPChaos",
        "JVMChaos",
        "AWSChaos",
        "GCPChaos",
        "AzureChaos",
        "BlockChaos",
    ),
    "autoscaling.k8s.io": ("VerticalPodAutoscaler",),
    "monitoring.coreos.com": ("ServiceMonitor", "PodMonitor", "PrometheusRule", "Prometheus", "Alertmanager"),
    "postgresql.cnpg.io": ("Cluster", "ScheduledBackup", "Pooler"),
    "acid.zalan.do": ("postgresql",),
    "postgres-operator.crunchydata.com": ("PostgresCluster", "PGUpgrade"),
    "databases.spotahome.com": ("RedisFailover",),
    "redis.redis.opstreelabs.in": ("Redis", "RedisCluster", "RedisReplication"),
    "externaldns.k8s.io": ("DNSEndpoint",),
    "karpenter.sh": ("NodePool", "Provisioner"),
    "barmancloud.cnpg.io": ("ObjectStore",),
    "route.openshift.io": ("Route",),
    "argoproj.io": ("Application", "ApplicationSet", "Rollout"),
    "kustomize.toolkit.fluxcd.io": ("Kustomization",),
    "helm.toolkit.fluxcd.io": ("HelmRelease",),
    "source.toolkit.fluxcd.io": ("GitRepository",),
}


# Labels that name a node's pool, per provider; the first present wins.
NODE_POOL_LABELS = (
    "cloud.google.com/gke-nodepool", "eks.amazonaws.com/nodegroup", "alpha.eksctl.io/nodegroup-name",
    "kubernetes.azure.com/agentpool", "agentpool", "karpenter.sh/nodepool", "doks.digitalocean.com/node-pool",
    "kops.k8s.io/instancegroup", "node.kubernetes.io/pool",
)  # fmt: skip
ZONE_LABELS = ("topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone")
INSTANCE_TYPE_LABELS = ("node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type")
ROLE_PREFIX = "node-role.kubernetes.io/"
CONTROL_PLANE_ROLES = frozenset({"control-plane", "master"})


class ClusterCollectionError(CollectorError, RuntimeError):
    """The API server could not be read completely; the message names what and why, never a body."""


def api_client(options: dict[str, Any]) -> client.ApiClient:
    """A client for `options`: in-cluster service account, or kubeconfig path and context."""
    if options.get("in_cluster"):
        configuration = client.Configuration()
        try:
            config.load_incluster_config(client_configuration=configuration)
        except (config.ConfigException, OSError) as problem:
            raise ClusterCollectionError(f"cannot load the in-cluster service account: {problem}") from None
        return client.ApiClient(configuration)
    try:
        return config.new_client_from_config(
            config_file=options.get("kubeconfig") or None,
            context=options.get("kube_context") or None,
            persist_config=False,
        )
    except (config.ConfigException, OSError) as problem:
        raise ClusterCollectionError(f"cannot load kubeconfig: {problem}") from None


def ref_of(kind: str, metadata: dict[str, Any]) -> str:
    namespace, name = metadata.get("namespace"), metadata.get("name", "?")
    return f"{kind}/{namespace}/{name}" if namespace else f"{kind}/{name}"


def provenance(kind: str, metadata: dict[str, Any]) -> dict[str, Any]:
    ref = ref_of(kind, metadata)
    return {"collector": COLLECTOR, "object": ref, "ref": ref}


def _clean(obj: dict[str, Any], api_version: str, kind: str) -> dict[str, Any]:
    """The object as a manifest would hold it: apiVersion/kind set, server bookkeeping dropped."""
    obj["apiVersion"], obj["kind"] = api_version, kind
    metadata = obj.setdefault("metadata", {})
    metadata.pop("managedFields", None)
    annotations = metadata.get("annotations")
    if isinstance(annotations, dict):
        annotations.pop(LAST_APPLIED, None)
    return obj


def _describe(problem: Exception) -> str:
    if isinstance(problem, ApiException):
        return f"HTTP {problem.status} {problem.reason}"
    return f"{problem.__class__.__name__}: {problem}"


def _pages(
    list_call: Callable[..., Any], what: str, page_size: int, **kwargs: Any
) -> Iterator[dict[str, Any]]:
    """Every page of a list call as parsed JSON, following `continue` tokens."""
    token: str | None = None
    while True:
        try:
            response = list_call(
                limit=page_size,
                _continue=token,
                _preload_content=False,
                _request_timeout=REQUEST_TIMEOUT,
                **kwargs,
            )
            page = json.loads(response.data)
        except (ApiException, HTTPError, OSError, ValueError) as problem:
            raise ClusterCollectionError(f"cannot list {what}: {_describe(problem)}") from None
        yield page
        token = (page.get("metadata") or {}).get("continue") or None
        if not token:
            return


def _scopes(namespaces: list[str] | None) -> list[str | None]:
    return list(namespaces) if namespaces else [None]


def _list_builtin(
    api: client.ApiClient, namespaces: list[str] | None, page_size: int
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for api_version, kind, api_class, name, namespaced in BUILTIN_KINDS:
        instance = api_class(api)
        for namespace in _scopes(namespaces) if namespaced else [None]:
            kwargs: dict[str, Any] = {}
            if not namespaced:
                call, what = getattr(instance, f"list_{name}"), kind
            elif namespace is None:
                call, what = getattr(instance, f"list_{name}_for_all_namespaces"), f"{kind} in all namespaces"
            else:
                call, what = getattr(instance, f"list_namespaced_{name}"), f"{kind} in namespace {namespace}"
                kwargs["namespace"] = namespace
            for page in _pages(call, what, page_size, **kwargs):
                for item in page.get("items") or []:
                    obj = _clean(item, api_version, kind)
                    yield obj, provenance(kind, obj["metadata"])


def _list_secrets(
    api: client.ApiClient, namespaces: list[str] | None, page_size: int
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Secrets as metadata plus type, from Table rows: the values never leave the API server."""
    core = client.CoreV1Api(api)
    headers = {"Accept": METADATA_TABLE}
    for namespace in _scopes(namespaces):
        if namespace is None:
            call, kwargs, what = core.list_secret_for_all_namespaces, {}, "Secret in all namespaces"
        else:
            call, kwargs = core.list_namespaced_secret, {"namespace": namespace}
            what = f"Secret in namespace {namespace}"
        for page in _pages(call, what, page_size, _headers=headers, **kwargs):
            columns = [str(column.get("name", "")).lower() for column in page.get("columnDefinitions") or []]
            for row in page.get("rows") or []:
                metadata = dict((row.get("object") or {}).get("metadata") or {})
                cells = dict(zip(columns, row.get("cells") or [], strict=False))
                obj = _clean({"metadata": metadata}, "v1", "Secret")
                if isinstance(cells.get("type"), str):
                    obj["type"] = cells["type"]
                yield obj, provenance("Secret", metadata)


def served_custom_kinds(api: client.ApiClient) -> list[tuple[str, str, str, str, bool]]:
    """(group, version, kind, plural, namespaced) of each known custom kind the server serves, in
    the group's preferred version, or else the first other version that serves the kind."""
    try:
        groups = client.ApisApi(api).get_api_versions(_request_timeout=REQUEST_TIMEOUT).groups or []
    except (ApiException, HTTPError, OSError) as problem:
        raise ClusterCollectionError(f"cannot discover API groups: {_describe(problem)}") from None
    custom = client.CustomObjectsApi(api)
    found: dict[tuple[str, str], tuple[str, str, str, str, bool]] = {}
    for group in groups:
        wanted = CUSTOM_KINDS.get(group.name)
        if not wanted:
            continue
        preferred = group.preferred_version.version if group.preferred_version else None
        versions = sorted((v.version for v in group.versions or []), key=lambda v: v != preferred)
        for version in versions:
            try:
                listing = custom.get_api_resources(group.name, version, _request_timeout=REQUEST_TIMEOUT)
            except (ApiException, HTTPError, OSError) as problem:
                what = f"{group.name}/{version}"
                raise ClusterCollectionError(f"cannot discover {what}: {_describe(problem)}") from None
            for resource in listing.resources or []:
                listable = "/" not in resource.name and "list" in (resource.verbs or [])
                if resource.kind in wanted and listable and (group.name, resource.kind) not in found:
                    entry = (group.name, version, resource.kind, resource.name, bool(resource.namespaced))
                    found[(group.name, resource.kind)] = entry
    return list(found.values())


def _list_custom(
    api: client.ApiClient, namespaces: list[str] | None, page_size: int
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    custom = client.CustomObjectsApi(api)
    for group, version, kind, plural, namespaced in served_custom_kinds(api):
        api_version = f"{group}/{version}"
        for namespace in _scopes(namespaces) if namespaced else [None]:
            if namespace is None:
                call = custom.list_cluster_custom_object
                kwargs: dict[str, Any] = {"group": group, "version": version, "plural": plural}
                what = f"{kind} ({api_version})" + (" in all namespaces" if namespaced else "")
            else:
                call = custom.list_namespaced_custom_object
                kwargs = {"group": group, "version": version, "namespace": namespace, "plural": plural}
                what = f"{kind} ({api_version}) in namespace {namespace}"
            for page in _pages(call, what, page_size, **kwargs):
                for item in page.get("items") or []:
                    obj = _clean(item, api_version, kind)
                    yield obj, provenance(kind, obj["metadata"])


def _options_namespaces(options: dict[str, Any]) -> list[str] | None:
    namespaces = [str(n) for n in options.get("namespaces") or [] if str(n).strip()]
    return sorted(set(namespaces)) or None


def _page_size(options: dict[str, Any]) -> int:
    return max(1, int(options.get("kube_page_size") or PAGE_SIZE))


def _list_cluster_scoped(
    api: client.ApiClient, namespaces: list[str] | None, page_size: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(Nodes, Namespaces); only the filtered Namespaces when `namespaces` is given."""
    core = client.CoreV1Api(api)
    nodes = [
        _clean(item, "v1", "Node")
        for page in _pages(core.list_node, "Node", page_size)
        for item in page.get("items") or []
    ]
    found: list[dict[str, Any]] = []
    if namespaces is None:
        for page in _pages(core.list_namespace, "Namespace", page_size):
            found.extend(page.get("items") or [])
    for name in namespaces or []:
        try:
            response = core.read_namespace(name, _preload_content=False, _request_timeout=REQUEST_TIMEOUT)
            found.append(json.loads(response.data))
        except (ApiException, HTTPError, OSError, ValueError) as problem:
            raise ClusterCollectionError(f"cannot read Namespace {name}: {_describe(problem)}") from None
    return nodes, [_clean(item, "v1", "Namespace") for item in found]


def _owned(obj: dict[str, Any]) -> bool:
    """Made by a controller (a Job by its CronJob): not something anyone declared."""
    return bool((obj.get("metadata") or {}).get("ownerReferences"))


def collect_cluster(options: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Every namespaced and cluster-scoped object of the kinds gonogo understands, as (object
    dict, provenance) pairs for `facts.normalize()`. Nodes, Namespaces and the server
    version come from cluster_facts()."""
    namespaces = _options_namespaces(options)
    page_size = _page_size(options)
    with api_client(options) as api:
        pairs = [pair for pair in _list_builtin(api, namespaces, page_size) if not _owned(pair[0])]
        pairs.extend(_list_secrets(api, namespaces, page_size))
        pairs.extend(_list_custom(api, namespaces, page_size))
    return pairs


def _read_server_version(api: client.ApiClient) -> dict[str, Any]:
    try:
        info = client.VersionApi(api).get_code(_request_timeout=REQUEST_TIMEOUT)
    except (ApiException, HTTPError, OSError) as problem:
        raise ClusterCollectionError(f"cannot read the server version: {_describe(problem)}") from None
    ref = "Version/cluster"
    return {
        "git_version": info.git_version,
        # "1", "28+" (some providers mark minor versions with "+"): the number is what is compared.
        "major": int("".join(ch for ch in info.major if ch.isdigit()) or 0),
        "minor": int("".join(ch for ch in info.minor if ch.isdigit()) or 0),
        "platform": info.platform,
        "provenance": {"collector": COLLECTOR, "object": ref, "ref": ref},
    }


def _first_label(labels: dict[str, str], names: tuple[str, ...]) -> tuple[str | None, str | None]:
    for name in names:
        if labels.get(name):
            return name, labels[name]
    return None, None


def _node_ready(obj: dict[str, Any]) -> bool | None:
    """True/False from the Ready condition; None when no kubelet has reported one."""
    for condition in (obj.get("status") or {}).get("conditions") or []:
        if condition.get("type") == "Ready":
            return condition.get("status") == "True"
    return None


def _node(obj: dict[str, Any]) -> dict[str, Any]:
    metadata = obj.get("metadata") or {}
    labels = metadata.get("labels") or {}
    pool_label, pool = _first_label(labels, NODE_POOL_LABELS)
    roles = sorted(label[len(ROLE_PREFIX) :] for label in labels if label.startswith(ROLE_PREFIX))
    return {
        "name": metadata.get("name", "?"),
        "labels": labels,
        "pool": pool,
        "pool_label": pool_label,
        "zone": _first_label(labels, ZONE_LABELS)[1],
        "instance_type": _first_label(labels, INSTANCE_TYPE_LABELS)[1],
        "roles": roles,
        "control_plane": bool(CONTROL_PLANE_ROLES & set(roles)),
        "unschedulable": bool((obj.get("spec") or {}).get("unschedulable")),
        "ready": _node_ready(obj),
        "kubelet_version": ((obj.get("status") or {}).get("nodeInfo") or {}).get("kubeletVersion"),
        "provenance": provenance("Node", metadata),
    }


def node_facts(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """Nodes indexed by name, and pools (by the provider's pool label) indexed by pool name."""
    by_name = {fact["name"]: fact for fact in map(_node, nodes)}
    pools: dict[str, dict[str, Any]] = {}
    for node in sorted(by_name.values(), key=lambda n: n["name"]):
        if node["pool"] is None:
            continue
        ref = node["provenance"]["ref"]
        pool = pools.setdefault(
            node["pool"],
            {"name": node["pool"], "label": node["pool_label"], "count": 0, "nodes": [], "zones": [],
             "instance_types": [], "provenance": {"collector": COLLECTOR, "object": ref, "ref": ref}},
        )  # fmt: skip
        pool["count"] += 1
        pool["nodes"].append(node["name"])
        for key, value in (("zones", node["zone"]), ("instance_types", node["instance_type"])):
            if value and value not in pool[key]:
                pool[key] = sorted([*pool[key], value])
    return {
        "nodes": by_name,
        "node_pools": pools,
        "node_count": len(by_name),
        "worker_node_count": sum(1 for n in by_name.values() if not n["control_plane"]),
        "ready_node_count": sum(1 for n in by_name.values() if n["ready"]),
        "unpooled_nodes": sorted(name for name, n in by_name.items() if n["pool"] is None),
    }


def _namespace(obj: dict[str, Any]) -> dict[str, Any]:
    metadata = obj.get("metadata") or {}
    return {
        "name": metadata.get("name", "?"),
        "labels": metadata.get("labels") or {},
        "phase": (obj.get("status") or {}).get("phase"),
        "provenance": provenance("Namespace", metadata),
    }


def cluster_facts(options: dict[str, Any]) -> dict[str, Any]:
    """The `kubernetes.cluster` facts only a live cluster has: server version, nodes and node
    pools; plus `namespaces` (indexed by name, shaped like normalize()'s) for the section."""
    namespaces = _options_namespaces(options)
    with api_client(options) as api:
        version = _read_server_version(api)
        nodes, namespace_objects = _list_cluster_scoped(api, namespaces, _page_size(options))
        server = api.configuration.host
    return {
        "server": server,
        "server_version": version,
        **node_facts(nodes),
        "namespaces": {fact["name"]: fact for fact in map(_namespace, namespace_objects)},
        "namespace_filter": namespaces or [],
    }
