"""Grafana evidence: dashboards (JSON files, sidecar ConfigMaps, GrafanaDashboard objects) and
provisioning (dashboard providers, datasources).

A dashboard is recognised by content: a JSON object with `panels` (or legacy `rows`) and a
`title` or `schemaVersion`. Its Prometheus queries (`targets[].expr`) are parsed with the real
PromQL parser after Grafana's template variables are replaced (`$__rate_interval` by `5m`,
`$job` by a placeholder), so the metrics each dashboard shows are known. Each dashboard is
classified security / performance / business from its title, tags and metrics, and the reason
is recorded. Datasource passwords and `secureJsonData` are never read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from gonogo.collectors.monitoring import alert_classes, promql_semantics
from gonogo.collectors.monitoring.promql_semantics import Side
from gonogo.collectors.monitoring.yaml_lines import Document, get_path, sequence

_TITLE_CLASSES = {
    "security": re.compile(
        r"(security|auth|waf|audit|intrusion|threat|siem|falco|firewall|login|access)", re.I
    ),
    "performance": re.compile(
        r"(performance|latency|apm|resource|cpu|memory|\bred\b|\buse\b|golden|slo|throughput|"
        r"response|compute|node exporter|saturation)",
        re.I,
    ),
    "business": re.compile(
        r"(business|revenue|kpi|orders?|payments?|subscriptions?|sales|signups?|customers?|"
        r"funnel|conversion|billing)",
        re.I,
    ),
}
_METRIC_CLASSES = {
    "security": ("auth_failures", "rate_limit", "suspicious_ip", "cert_expiry"),
    "performance": ("high_cpu", "high_memory", "latency_p95", "disk_space"),
    "business": ("payment_failures", "subscription_cancellations", "usage_quota"),
}
_BUSINESS_METRIC = re.compile(
    r"(order|payment|checkout|revenue|subscription|signup|cart|invoice|billing|customer)"
)
_RANGE_VARS = re.compile(
    r"\$(__rate_interval|__interval|__range|__auto)|\$\{(__rate_interval|__interval|__range)\}"
)
_VARS = re.compile(r"\$\{[^}]*\}|\[\[[^\]]*\]\]|\$[A-Za-z_][A-Za-z0-9_]*")


def _queries(panels: Any) -> list[str]:
    found: list[str] = []
    for panel in panels if isinstance(panels, list) else []:
        if not isinstance(panel, dict):
            continue
        for target in sequence(panel.get("targets")):
            if isinstance(target, dict) and isinstance(target.get("expr"), str):
                found.append(target["expr"])
        found.extend(_queries(panel.get("panels")))
    return found


def _panel_count(panels: Any) -> int:
    total = 0
    for panel in panels if isinstance(panels, list) else []:
        if isinstance(panel, dict):
            total += 1 + _panel_count(panel.get("panels"))
    return total


def is_dashboard(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and (isinstance(value.get("panels"), list) or isinstance(value.get("rows"), list))
        and ("title" in value or "schemaVersion" in value)
    )


@dataclass
class GrafanaFacts:
    provenance: Any
    warnings: list[str]
    dashboards: dict[str, dict[str, Any]] = field(default_factory=dict)
    providers: list[dict[str, Any]] = field(default_factory=list)
    datasources: list[dict[str, Any]] = field(default_factory=list)

    def consume(self, doc: Document, placement: str = "file") -> None:
        value = doc.value
        if is_dashboard(value):
            self._dashboard(doc, value, placement)
            return
        if not isinstance(value, dict):
            return
        if (
            str(value.get("apiVersion", "")).startswith("grafana.integreatly.org/")
            and value.get("kind") == "GrafanaDashboard"
        ):
            raw = get_path(value, "spec", "json")
            try:
                dashboard = json.loads(raw) if isinstance(raw, str) else None
            except ValueError:
                self.warnings.append(f"{doc.ref()}: GrafanaDashboard spec.json is not JSON; skipped")
                dashboard = None
            if is_dashboard(dashboard):
                self._dashboard(Document(doc.source, doc.line, dashboard), dashboard, "GrafanaDashboard")
            return
        if value.get("apiVersion") == 1 and isinstance(value.get("providers"), list):
            for provider in value["providers"]:
                if isinstance(provider, dict):
                    self.providers.append(
                        {
                            "name": str(provider.get("name") or ""),
                            "type": str(provider.get("type") or "file"),
                            "path": str(get_path(provider, "options", "path") or ""),
                            "provenance": self.provenance(doc, doc.line),
                        }
                    )
        if value.get("apiVersion") == 1 and isinstance(value.get("datasources"), list):
            for source in value["datasources"]:
                if isinstance(source, dict):
                    self.datasources.append(
                        {
                            "name": str(source.get("name") or ""),
                            "type": str(source.get("type") or ""),
                            "provenance": self.provenance(doc, doc.line),
                        }
                    )

    def _dashboard(self, doc: Document, value: dict[str, Any], placement: str) -> None:
        panels = value.get("panels") if isinstance(value.get("panels"), list) else []
        for row in sequence(value.get("rows")):
            if isinstance(row, dict):
                panels = [*panels, *sequence(row.get("panels"))]
        metrics: set[str] = set()
        unparsed = 0
        for query in _queries(panels):
            text = _VARS.sub("gonogo_var", _RANGE_VARS.sub("5m", query))
            try:
                analysis = promql_semantics.analyse(
                    promql_semantics.parse(text), promql_semantics.RecordingRules()
                )
            except ValueError:
                unparsed += 1
                continue
            metrics |= analysis.whole.metrics
        title = str(value.get("title") or "")
        tags = [str(t) for t in sequence(value.get("tags")) if isinstance(t, (str, int))]
        classes = self._classify(title, tags, metrics)
        key = f"{title or value.get('uid') or '?'} ({doc.ref()})"
        self.dashboards[key] = {
            "title": title,
            "uid": str(value.get("uid") or ""),
            "tags": tags,
            "placement": placement,
            "panels": _panel_count(panels),
            "metrics": sorted(metrics),
            "unparsed_queries": unparsed,
            "classes": classes,
            "provenance": self.provenance(doc, doc.line),
        }

    @staticmethod
    def _classify(title: str, tags: list[str], metrics: set[str]) -> dict[str, list[dict[str, str]]]:
        """Dashboard class -> why: {"text": reason} or {"alert_class": key} (worded by the policy)."""
        classes: dict[str, list[dict[str, str]]] = {}
        side = Side(metrics=set(metrics))
        for name, pattern in _TITLE_CLASSES.items():
            reasons: list[dict[str, str]] = []
            if pattern.search(title):
                reasons.append({"text": f"title {title!r}"})
            reasons.extend({"text": f"tag {t!r}"} for t in tags if pattern.search(t))
            for alert_class in _METRIC_CLASSES[name]:
                if alert_classes.matches(alert_class, side):
                    reasons.append({"alert_class": alert_class})
            if name == "business":
                business = sorted(m for m in metrics if _BUSINESS_METRIC.search(m))
                if business:
                    reasons.append({"text": f"business metrics {', '.join(business[:3])}"})
            if reasons:
                classes[name] = reasons
        return classes

    def facts(self) -> dict[str, Any]:
        by_class: dict[str, list[str]] = {"security": [], "performance": [], "business": []}
        for key, dashboard in self.dashboards.items():
            for name in dashboard["classes"]:
                by_class[name].append(key)
        return {
            "dashboards": self.dashboards,
            "by_class": by_class,
            "providers": self.providers,
            "datasources": self.datasources,
        }
