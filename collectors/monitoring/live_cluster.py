"""Monitoring objects read from a live cluster (with `--kubeconfig`, `--context` or `--in-cluster`).

The shared cluster source (`collectors/sources/cluster.py`, listed once per run for every
collector) returns every object of
the kinds gonogo understands, PrometheusRule, ServiceMonitor, PodMonitor and Prometheus objects
included when the API server serves monitoring.coreos.com, and ConfigMaps (dashboards, rule
files and Alertmanager configs held in their data). Secrets come back as metadata only. Each
object becomes a Document whose evidence is `Kind/namespace/name`. In live mode the cluster is
the truth for those kinds: the same kinds in repository files are not read, so an object is
never counted twice; everything else (prometheus.yml, Loki, shippers, code) still comes from files.
Any API error raises: a partial view of a cluster blocks, it never approves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.monitoring.yaml_lines import Document, embedded_documents
from gonogo.collectors.sources.cluster import cluster_objects

LIVE_KINDS = frozenset({
    "PrometheusRule", "ServiceMonitor", "PodMonitor", "Prometheus", "Alertmanager", "ConfigMap", "Secret",
    "Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job",
})  # fmt: skip


@dataclass(frozen=True)
class LiveObject:
    """Stands where a SourceFile would: a cluster object named `Kind/namespace/name`."""

    rel: str

    def ref(self, line: int | None = None) -> str:
        del line
        return self.rel


def live_requested(options: dict[str, Any]) -> bool:
    return bool(options.get("kubeconfig") or options.get("kube_context") or options.get("in_cluster"))


def cluster_documents(ctx: CollectContext) -> list[Document]:
    warnings = ctx.warnings
    documents: list[Document] = []
    for obj, provenance in cluster_objects(ctx):
        if obj.get("kind") not in LIVE_KINDS:
            continue
        doc = Document(LiveObject(str(provenance["ref"])), 0, obj)  # type: ignore[arg-type]
        documents.append(doc)
        documents.extend(embedded_documents(doc, warnings))
    return documents


def live_provenance(collector: str, ref: str) -> dict[str, Any]:
    return {"collector": collector, "object": ref, "ref": ref}
