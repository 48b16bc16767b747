"""The `monitoring` collector: Prometheus, alert semantics, Alertmanager routing, Grafana,
logging, tracing and audit evidence from configuration files. See README.md beside this file for
its facts and docs/monitoring.md for how the policies judge them.
"""

from __future__ import annotations

import re
from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.monitoring import coverage
from gonogo.collectors.monitoring.alertmanager import AlertmanagerFacts
from gonogo.collectors.monitoring.app_logging import AppLoggingFacts
from gonogo.collectors.monitoring.grafana import GrafanaFacts, is_dashboard
from gonogo.collectors.monitoring.live_cluster import (
    LIVE_KINDS,
    LiveObject,
    cluster_documents,
    live_provenance,
    live_requested,
)
from gonogo.collectors.monitoring.logging_tracing import LoggingTracingFacts
from gonogo.collectors.monitoring.prometheus import PrometheusFacts
from gonogo.collectors.monitoring.scope import WorkloadIndex
from gonogo.collectors.monitoring.tool_checks import ToolChecks
from gonogo.collectors.monitoring.yaml_lines import Document, embedded_documents, get_path, line_documents
from gonogo.collectors.sources.files import SourceFile

from gonogo import __version__

_RELEVANT_YAML = re.compile(
    r"(^\s*-?\s*[\"']?(groups|rules|scrape_configs|rule_files|route|receivers|panels|schema_config|limits_config|"
    r"table_manager|pipelines|pipeline|sinks|clients|formatters|policy|serverFiles|alertmanager|loki|providers|"
    r"datasources|exporters|cloudWatch|apiServer|env|logging|Serilog)[\"']?\s*:|kind:\s*[\"']?(PrometheusRule|"
    r"ServiceMonitor|PodMonitor|Probe|ScrapeConfig|Prometheus|AlertmanagerConfig|ConfigMap|Secret|"
    r"GrafanaDashboard|OpenTelemetryCollector|Instrumentation|Policy|AlertingRule|RecordingRule|"
    r"ClusterConfiguration|ClusterConfig|Deployment|StatefulSet|DaemonSet|Job|CronJob|Pod|Rollout)\b)",
    re.M,
)
_TEXT_SUFFIXES = {
    ".conf",
    ".toml",
    ".tf",
    ".xml",
    ".py",
    ".go",
    ".js",
    ".mjs",
    ".cjs",
    ".ts",
    ".java",
    ".kt",
    ".cs",
    ".rb",
    ".txt",
    ".mod",
    ".gradle",
    ".kts",
}
_TEXT_NAMES = {"Gemfile", "go.mod", "requirements.txt", "package.json", "pom.xml", "pyproject.toml"}
_TRACING_DATASOURCES = {"tempo", "jaeger", "zipkin", "grafana-tempo-datasource"}
_MAX_TEXT_BYTES = 2 * 1024 * 1024


class MonitoringCollector:
    name = "monitoring"
    version = __version__
    # whether promtool/amtool were installed is the collecting machine's, not the repository's
    volatile = ("monitoring.prometheus.rule_checks", "monitoring.alertmanager.config_checks")
    provides = (
        "monitoring.prometheus",
        "monitoring.alerts",
        "monitoring.alert_coverage",
        "monitoring.alertmanager",
        "monitoring.grafana",
        "monitoring.logging",
        "monitoring.tracing",
    )
    options = ()  # the contract of collectors/base.py: no flags of its own
    # What is decided here and not in Rego (collectors/base.py), named on the items' docs pages.
    judgments = (
        (
            "monitoring.alert_coverage",
            "which alert classes (CPU, memory, free disk, error rate, latency, ...) a PromQL or LogQL "
            "expression measures, read from its series, matchers and functions, never its name; and "
            "its threshold normalised to the class's unit. Which class serves which criterion, and "
            "whether the threshold is tight enough, is decided in Rego.",
            "collectors/monitoring/alert_classes.py",
        ),
        (
            "monitoring.grafana",
            "which dashboards are security, performance or business dashboards, from their titles, "
            "tags, panel titles and queries",
            "collectors/monitoring/grafana.py",
        ),
    )
    when_nothing_found = "empty"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        def provenance(doc: Document, line: int | None) -> dict[str, Any]:
            if isinstance(doc.source, LiveObject):
                return live_provenance(self.name, doc.source.rel)
            return ctx.file_ref(doc.source, doc.abs_line(line))

        def ref(source: SourceFile, line: int | None) -> dict[str, Any]:
            return ctx.file_ref(source, line)

        prometheus = PrometheusFacts(ctx.root, provenance, ctx.warnings)
        alertmanager = AlertmanagerFacts(provenance, ctx.warnings)
        grafana = GrafanaFacts(provenance, ctx.warnings)
        logging = LoggingTracingFacts(provenance, ctx.warnings)
        app = AppLoggingFacts(provenance)
        workloads = WorkloadIndex()
        tools = ToolChecks(ctx.root, ref, ctx.warnings)
        live = live_requested(ctx.options or {})
        documents = cluster_documents(ctx) if live else []
        for source in ctx.files:
            for doc in self._template_configs(source, ctx.warnings):
                alertmanager.consume(doc)  # structure only: no tool check, no other fact
            for doc in self._documents(source, ctx.warnings):
                if live and isinstance(doc.value, dict) and doc.value.get("kind") in LIVE_KINDS:
                    continue  # the cluster is the truth for these kinds
                if live and doc.embedded_key is not None:
                    continue  # held in a ConfigMap, which the cluster provides
                documents.append(doc)
                tools.consume(source, doc.value, doc.embedded_key is not None)
            if self._is_text(source):
                logging.consume_text(source, ref)
                app.consume_text(source, ref)
        for doc in documents:
            placement = "file"
            if isinstance(doc.source, LiveObject):
                placement = "cluster"
            if doc.embedded_key is not None:
                placement = "sidecar-configmap" if "grafana_dashboard" in doc.parent_labels else "configmap"
            grafana.consume(doc, placement)
            prometheus.consume(doc)
            alertmanager.consume(doc)
            logging.consume(doc)
            app.consume(doc)
            workloads.consume(doc)

        alerts, recordings = prometheus.analyse()
        alertmanager.route_alerts(alerts)
        grafana_facts = grafana.facts()
        metric_uses = prometheus.metric_uses(alerts)
        for dashboard in grafana_facts["dashboards"].values():
            for name in dashboard["metrics"]:
                metric_uses.setdefault(name, []).append(dashboard["provenance"]["ref"])
        logging_facts = logging.facts()
        app_facts = app.facts()
        log_alerts = [dict(r, engine="loki-ruler") for r in prometheus.logql_rules] + [
            dict(r, engine="elastalert") for r in logging_facts.pop("elastalert_rules")
        ]
        return {
            "monitoring": {
                "prometheus": {
                    "configs": prometheus.configs,
                    "scrape_sources": prometheus.scrape_sources,
                    "servers": prometheus.servers,
                    "recording_rules": recordings,
                    "alerting_rules": len(alerts),
                    "parsed_alerting_rules": sum(1 for a in alerts.values() if a["parsed"]),
                    "metrics": coverage.metric_categories(set(metric_uses)),
                    "metrics_evidence": coverage.category_evidence(metric_uses),
                    "rule_checks": tools.rule_checks(
                        {r["provenance"].get("file", "") for r in prometheus.logql_rules}
                    ),
                },
                "alerts": alerts,
                "alert_coverage": coverage.build(alerts, workloads),
                "alertmanager": {**alertmanager.facts(alerts), "config_checks": tools.config_checks()},
                "grafana": grafana_facts,
                "logging": {
                    **logging_facts,
                    "structured": app_facts["structured"],
                    "audit": app_facts["audit"],
                    "log_alerts": log_alerts,
                },
                "tracing": {
                    "pipelines": [p for p in logging.otel_pipelines if p["signal"] == "traces"],
                    "instrumentation": app.instrumentation,
                    "services": app.services,
                    "backends": [
                        d for d in grafana_facts["datasources"] if d["type"] in _TRACING_DATASOURCES
                    ],
                },
            }
        }

    @staticmethod
    def _is_text(source: SourceFile) -> bool:
        if source.suffix not in _TEXT_SUFFIXES and source.path.name not in _TEXT_NAMES:
            return False
        try:
            return source.path.stat().st_size <= _MAX_TEXT_BYTES
        except OSError:
            return False

    @staticmethod
    def _template_configs(source: SourceFile, warnings: list[str]) -> list[Document]:
        if not source.structured or source.text is None or source.template is None:
            return []
        return _template_alertmanager(source)

    @staticmethod
    def _documents(source: SourceFile, warnings: list[str]) -> list[Document]:
        # Recognised by content, whatever the name (`*.rules`, no suffix): the file source's one
        # parse, shared with every collector; a cheap look at the text first keeps the unrelated out.
        if not source.structured or source.text is None:
            return []
        if source.template is not None:
            if _RELEVANT_YAML.search(source.text) and not _template_alertmanager(source):
                warnings.append(f"{source.rel}: Helm template, not YAML; skipped (render it with --helm)")
            return []
        if source.form == "json":
            if not any(_relevant_json(d.value) for d in source.yaml_documents):
                return []
        elif not _RELEVANT_YAML.search(source.text):
            return []
        documents = line_documents(source, warnings)
        for doc in list(documents):
            documents.extend(embedded_documents(doc, warnings))
        return documents


def _template_alertmanager(source: SourceFile) -> list[Document]:
    """The Alertmanager configs of a template (Helm, Terraform), read with its template lines set
    aside: receivers, integrations and routes are structure, and the structure is the evidence."""
    template = source.template
    if template is None:
        return []
    return [
        Document(source, d.line, d.value)
        for d in template.documents
        if isinstance(d.value, dict)
        and (
            (isinstance(d.value.get("route"), dict) and isinstance(d.value.get("receivers"), list))
            or isinstance(get_path(d.value, "alertmanager", "config", "route"), dict)
        )
    ]


def _relevant_json(value: Any) -> bool:
    return (
        is_dashboard(value)
        or isinstance(get_path(value, "policy", "phases"), dict)
        or (
            isinstance(value, dict)
            and ("formatters" in value or "Serilog" in value or "groups" in value or "route" in value)
        )
    )
