"""Grafana evidence: dashboards (JSON files, sidecar ConfigMaps, GrafanaDashboard objects) and
provisioning (dashboard providers, datasources).

A dashboard is recognised by content: a JSON object with `panels` (or legacy `rows`) and a
`title` or `schemaVersion`. Its Prometheus queries (`targets[].expr`) are parsed with the real
PromQL parser after Grafana's template variables are replaced (`$__rate_interval` by `5m`,
`$job` by a placeholder), so the metrics each dashboard shows are known. Panels are read as
Grafana's JSON model lays them out: top-level `panels`, `row` panels (a collapsed row holds its
panels inside it; an open row's panels follow it), legacy `rows[].panels`, and library panels
(`libraryPanel.uid`, whose model an exported dashboard carries in `__elements`). Each dashboard
is classified security / performance / business from its title, tags, panel titles and the
metrics of its panels' queries, and the reason is recorded. Datasource passwords and
`secureJsonData` are never read.
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


@dataclass(frozen=True)
class Panel:
    title: str
    row: str
    queries: tuple[str, ...]


def _resolve(panel: dict[str, Any], elements: dict[str, Any]) -> dict[str, Any]:
    """A library panel reference resolved to its model (an exported dashboard's `__elements`)."""
    library = panel.get("libraryPanel")
    if not isinstance(library, dict):
        return panel
    element = elements.get(str(library.get("uid") or ""))
    model = element.get("model") if isinstance(element, dict) else None
    resolved = dict(model) if isinstance(model, dict) else {}
    resolved.update({k: v for k, v in panel.items() if k != "libraryPanel"})
    if not resolved.get("title"):
        resolved["title"] = library.get("name") or (element or {}).get("name") or ""
    for key in ("targets", "panels"):
        if not resolved.get(key) and isinstance(model, dict) and model.get(key):
            resolved[key] = model[key]
    return resolved


def panels_of(value: dict[str, Any], limit: int = 500) -> list[Panel]:
    """Every panel of a dashboard with the row it sits in and its queries (`targets[].expr`)."""
    elements = value.get("__elements") if isinstance(value.get("__elements"), dict) else {}
    found: list[Panel] = []

    def walk(panels: Any, row: str) -> None:
        current = row
        for raw in panels if isinstance(panels, list) else []:
            if not isinstance(raw, dict) or len(found) >= limit:
                continue
            panel = _resolve(raw, elements)
            title = str(panel.get("title") or "")
            if panel.get("type") == "row":
                current = title
                walk(panel.get("panels"), title)  # a collapsed row keeps its panels inside
                continue
            queries = tuple(
                t["expr"]
                for t in sequence(panel.get("targets"))
                if isinstance(t, dict) and isinstance(t.get("expr"), str)
            )
            found.append(Panel(title, current, queries))
            walk(panel.get("panels"), current)

    walk(value.get("panels"), "")
    for legacy in sequence(value.get("rows")):
        if isinstance(legacy, dict):
            walk(legacy.get("panels"), str(legacy.get("title") or ""))
    return found


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
        panels = panels_of(value)
        metrics: set[str] = set()
        unparsed = 0
        for query in (q for panel in panels for q in panel.queries):
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
        classes = self._classify(title, tags, metrics, panels)
        key = f"{title or value.get('uid') or '?'} ({doc.ref()})"
        self.dashboards[key] = {
            "title": title,
            "uid": str(value.get("uid") or ""),
            "tags": tags,
            "placement": placement,
            "panels": len(panels),
            "metrics": sorted(metrics),
            "unparsed_queries": unparsed,
            "classes": classes,
            "provenance": self.provenance(doc, doc.line),
        }

    @staticmethod
    def _classify(
        title: str, tags: list[str], metrics: set[str], panels: list[Panel]
    ) -> dict[str, list[dict[str, str]]]:
        """Dashboard class -> why: {"text": reason} or {"alert_class": key} (worded by the policy)."""
        classes: dict[str, list[dict[str, str]]] = {}
        side = Side(metrics=set(metrics))
        for name, pattern in _TITLE_CLASSES.items():
            reasons: list[dict[str, str]] = []
            if pattern.search(title):
                reasons.append({"text": f"title {title!r}"})
            reasons.extend({"text": f"tag {t!r}"} for t in tags if pattern.search(t))
            named = [p for p in panels if p.title and pattern.search(p.title)]
            reasons.extend(
                {"text": f"panel {p.title[:80]!r}" + (f" (row {p.row[:80]!r})" if p.row else "")}
                for p in named[:3]
            )
            rows = sorted({p.row for p in panels if p.row and pattern.search(p.row)} - {p.row for p in named})
            reasons.extend({"text": f"row {r[:80]!r}"} for r in rows[:2])
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
