"""The alert coverage table (alerts by the class they measure) and metric categories.

`alert_coverage` is keyed by alert class (every class present, an empty `alerts` list when no
alert covers it) so that Rego looks each class up by key and walks only its few covering alerts.
Each row carries what a reader needs to check it by hand: the alert, where it is, the threshold
it fires at (normalised), the reading behind it (the comparison as written, the series measured,
the guards set aside, the workloads its selectors name among those read), and the receivers and
integrations Alertmanager delivers it to.
"""

from __future__ import annotations

import re
from typing import Any

from gonogo.collectors.monitoring.alert_classes import CLASSES
from gonogo.collectors.monitoring.scope import WorkloadIndex
from gonogo.collectors.monitoring.yaml_lines import mapping, sequence

_SYSTEM = re.compile(
    r"^(node|container|machine|kube|kubelet|kubernetes|kubeproxy|apiserver|cadvisor|process|go|"
    r"windows|etcd|coredns|scheduler|workqueue|rest_client|storage_operation|volume_manager|pg|mysql|redis|"
    r"mongodb)_"
)
_PLATFORM = re.compile(
    r"^(prometheus|alertmanager|grafana|loki|promtail|scrape|up$|ALERTS|probe_|cortex|thanos|"
    r"otelcol|fluentbit|vector|certmanager)"
)
_API = re.compile(
    r"(^|_)(http|grpc|rpc|api|requests?|responses?|handled|server|ingress|nginx|envoy|istio|traefik)(_|$)"
)
_BUSINESS = re.compile(
    r"(payment|order|checkout|subscription|revenue|cart|signup|customer|invoice|billing|quota|"
    r"plan|churn|transaction|sales|purchase|registration|tenant)"
)


def metric_category(name: str) -> str:
    if _SYSTEM.search(name):
        return "system"
    if _BUSINESS.search(name):
        return "business"
    if _API.search(name):
        return "api"
    if _PLATFORM.search(name):
        return "platform"
    return "custom"


def metric_categories(names: set[str]) -> dict[str, list[str]]:
    categories: dict[str, list[str]] = {"api": [], "system": [], "business": [], "platform": [], "custom": []}
    for name in sorted(names):
        if ":" in name:  # a recorded series: its source metrics are categorised instead
            continue
        categories[metric_category(name)].append(name)
    return categories


def category_evidence(uses: dict[str, list[str]], limit: int = 5) -> dict[str, list[str]]:
    """category -> the first few places (file:line) that use a metric of that category."""
    evidence: dict[str, list[str]] = {"api": [], "system": [], "business": [], "platform": [], "custom": []}
    for name in sorted(uses):
        if ":" in name:
            continue
        refs = evidence[metric_category(name)]
        for ref in sorted(set(uses[name])):
            if len(refs) < limit and ref not in refs:
                refs.append(ref)
    return evidence


def build(alerts: dict[str, dict[str, Any]], workloads: WorkloadIndex) -> dict[str, dict[str, Any]]:
    coverage: dict[str, dict[str, Any]] = {
        cls.key: {"unit": cls.unit, "direction": cls.direction, "alerts": []} for cls in CLASSES
    }
    for key, alert in sorted(alerts.items()):
        for class_key, found in mapping(alert.get("classes")).items():
            coverage[class_key]["alerts"].append(
                {
                    "alert": alert["name"],
                    "key": key,
                    "ref": alert["provenance"]["ref"],
                    "severity": alert.get("severity", ""),
                    "for": alert.get("for", "0s"),
                    "threshold": found.get("threshold"),
                    "direction": found.get("direction"),
                    "threshold_text": found.get("threshold_text", ""),
                    "quantile": found.get("quantile"),
                    "absolute": bool(found.get("absolute")),
                    "conditional": bool(found.get("conditional")),
                    "notes": found.get("notes", []),
                    "always_fires": bool(found.get("always_fires")),
                    "comparison": found.get("comparison", ""),
                    "measured": found.get("measured", []),
                    "guards": found.get("guards", []),
                    "scope": workloads.relate(found.get("selectors", [])),
                    "receivers": [r["name"] for r in sequence(alert.get("receivers"))],
                    "integrations": sequence(alert.get("integrations")),
                    "routed": alert.get("routed"),
                }
            )
    return coverage
