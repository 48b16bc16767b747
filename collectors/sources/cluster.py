"""The live cluster as a shared source: listed once per run, read by every collector that asks.

With `--kubeconfig`, `--kube-context` or `--in-cluster` both the `kubernetes` and the `monitoring`
collectors read cluster objects. They get them here, through `ctx.source()`, so the API server is
listed once per run (collectors/kubernetes/cluster.py does the paged listing). Each caller gets
its own copy of the objects, so one collector's reading can never change what another sees.

A listing error is kept as well and raised to every caller: each collector that needs the cluster
fails closed with the same error, and the API server is not asked a second time.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from gonogo.collectors.base import CollectContext

Pair = tuple[dict[str, Any], dict[str, Any]]
_SELECTION = ("kubeconfig", "kube_context", "in_cluster", "namespaces", "kube_page_size")


def live_requested(options: dict[str, Any]) -> bool:
    """Whether the options ask for a live cluster rather than manifests."""
    return bool(options.get("kubeconfig") or options.get("kube_context") or options.get("in_cluster"))


def _key(options: dict[str, Any]) -> str:
    selection = {name: options.get(name) for name in _SELECTION}
    return "cluster:" + json.dumps(selection, sort_keys=True, default=str)


def _list(ctx: CollectContext) -> list[Pair] | Exception:
    from gonogo.collectors.kubernetes.cluster import collect_cluster  # the kubernetes client, only when live

    try:
        return collect_cluster(ctx.options or {})
    except Exception as exc:  # kept for every caller: the cluster is asked once, each caller fails
        return exc


def cluster_objects(ctx: CollectContext) -> list[Pair]:
    """Every cluster object with its provenance (`Kind/ns/name`), listed once per run."""
    listed = ctx.source(_key(ctx.options or {}), _list)
    if isinstance(listed, Exception):
        raise listed
    return copy.deepcopy(listed)
