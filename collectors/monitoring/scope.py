"""Which of the repository's own workloads an alert watches: its scope selectors against the
workloads this collector read.

An alert's *scope selectors* are the positive label matchers of its measured expression on the
labels that name a Kubernetes workload (`namespace`, `container`, `pod`, `deployment`, ... as
kube-state-metrics and cAdvisor label series; not `app`, which applications often set themselves):
`container_cpu_usage_seconds_total{namespace="shop", container="api"}` watches the `api`
containers in `shop`. Matchers that select everything (`=~".*"`), exclude (`!=`, `!~`) or name a
scrape job (`job`, a Prometheus concept, not a workload) do not scope. The selectors are then
matched against the workloads found in the repository (Deployments, StatefulSets, DaemonSets,
Jobs, CronJobs, Pods, Argo Rollouts), Prometheus-style: equality, or a fully anchored regular
expression. A workload whose namespace the manifest leaves out (set at deploy time) matches any
namespace. `related` is true when one workload satisfies every selector, false when none does,
and null when the repository says nothing to compare with (no workloads read, or an alert with
no scope selector, such as a node- or cluster-wide alert). Whether an unrelated alert counts is
the policies' decision (policies/items/monitoring/lib/alerting.rego).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gonogo.collectors.monitoring.promql_semantics import Side
from gonogo.collectors.monitoring.yaml_lines import Document, get_path, kind_of, mapping, sequence

WORKLOAD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "Rollout"}
# The labels kube-state-metrics and cAdvisor give a workload's series. Not `app`: applications
# set it themselves (a metrics library's common tag), so it need not be any Kubernetes name.
_NAME_LABELS = {
    "deployment",
    "statefulset",
    "daemonset",
    "replicaset",
    "workload",
    "owner_name",
    "job_name",
    "cronjob",
}
SCOPE_LABELS = {"namespace", "container", "pod", *_NAME_LABELS}
_EVERYTHING = {"", ".*", ".+", ".*.*"}
_POD_SUFFIXES = ("", "-0", "-7d9f8b6c5d-x2x7z", "-x2x7z", "-28437120-x2x7z")


@dataclass(frozen=True)
class Workload:
    key: str
    namespace: str | None
    names: frozenset[str]
    """The workload's name and its app labels (app, app.kubernetes.io/name): pods are often named
    after them."""
    containers: frozenset[str]


def selectors(side: Side) -> list[dict[str, str]]:
    """The scope selectors among a side's label matchers (deduplicated, in order)."""
    found: list[dict[str, str]] = []
    for m in side.matchers:
        if m["label"] in SCOPE_LABELS and m["op"] in ("=", "=~") and m["value"] not in _EVERYTHING:
            entry = {"label": m["label"], "op": m["op"], "value": m["value"][:100]}
            if entry not in found:
                found.append(entry)
    return found[:10]


def selector_text(selector: dict[str, str]) -> str:
    return f"{selector['label']}{selector['op']}{selector['value']}"


def _matches(op: str, pattern: str, value: str) -> bool:
    if op == "=":
        return value == pattern
    try:
        return re.fullmatch(pattern, value) is not None
    except re.error:
        return True  # not Python-readable (RE2 only): cannot tell, so it does not contradict


def _satisfies(workload: Workload, selector: dict[str, str]) -> bool:
    label, op, value = selector["label"], selector["op"], selector["value"]
    if label == "namespace":
        return workload.namespace is None or _matches(op, value, workload.namespace)
    if label == "container":
        return any(_matches(op, value, c) for c in workload.containers)
    if label == "pod":
        if op == "=":
            return any(value == n or value.startswith(f"{n}-") for n in workload.names)
        return any(_matches(op, value, n + suffix) for n in workload.names for suffix in _POD_SUFFIXES)
    if label == "replicaset" and op == "=":
        return any(value.startswith(f"{n}-") for n in workload.names)
    return any(_matches(op, value, n) for n in workload.names)


@dataclass
class WorkloadIndex:
    """The workloads read from the repository (or the cluster), by Kind/namespace/name."""

    workloads: dict[str, Workload] = field(default_factory=dict)

    def consume(self, doc: Document) -> None:
        value = doc.value
        if not isinstance(value, dict) or kind_of(value) not in WORKLOAD_KINDS:
            return
        meta = mapping(value.get("metadata"))
        name = meta.get("name")
        if not isinstance(name, str) or not name:
            return
        namespace = meta.get("namespace") if isinstance(meta.get("namespace"), str) else None
        spec = mapping(value.get("spec"))
        template = get_path(spec, "jobTemplate", "spec", "template") or spec.get("template") or {"spec": spec}
        names = {name}
        for labels in (mapping(meta.get("labels")), mapping(get_path(template, "metadata", "labels"))):
            for label in ("app", "app.kubernetes.io/name"):
                if isinstance(labels.get(label), str):
                    names.add(labels[label])
        containers = {
            str(c.get("name"))
            for key in ("containers", "initContainers")
            for c in sequence(get_path(template, "spec", key))
            if isinstance(c, dict) and c.get("name")
        }
        key = f"{kind_of(value)}/{namespace or '-'}/{name}"
        self.workloads[key] = Workload(key, namespace, frozenset(names), frozenset(containers))

    def relate(self, found: list[dict[str, str]]) -> dict[str, Any]:
        """The scope fact of one alert reading: its selectors and the workloads they match."""
        matched = (
            sorted(k for k, w in self.workloads.items() if all(_satisfies(w, s) for s in found))
            if found
            else []
        )
        related = None if not found or not self.workloads else bool(matched)
        return {
            "selectors": [selector_text(s) for s in found],
            "related": related,
            "workloads": matched[:5],
            "collected": len(self.workloads),
        }
