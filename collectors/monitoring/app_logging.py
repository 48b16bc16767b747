"""Application-side evidence: structured (JSON) logging, tracing instrumentation, audit logging.

- Structured logging: Python `logging.config` dictionaries (`formatters` with a JSON formatter
  class), logback / log4j2 XML (JSON encoders and layouts vs. `<pattern>`), Spring
  `logging.structured.format`, Serilog JSON formatters, and well-known JSON logger set-ups in
  source code (`pythonjsonlogger`, `structlog` JSONRenderer, `slog.NewJSONHandler`, zap
  production config, logrus `JSONFormatter`, pino, winston `format.json()`).
- Tracing instrumentation: OpenTelemetry `Instrumentation` objects, workloads with `OTEL_*`
  environment variable *names* or inject annotations, and OpenTelemetry SDK dependencies; and the
  services that could be instrumented (`services`: the workloads and dependency manifests read),
  so that a collector with no service in view is told apart from services left uninstrumented.
- Audit logging: Kubernetes audit `Policy` objects (rule levels), kube-apiserver audit flags,
  EKS/AKS control-plane audit log settings in Terraform and eksctl, pgaudit, a logger named
  `audit` in logging configuration, and AWS CloudTrail.
Environment variable values are compared, never stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gonogo.collectors.monitoring.yaml_lines import Document, get_path, kind_of, mapping, sequence
from gonogo.collectors.sources.files import SourceFile

_JSON_CLASS = re.compile(r"(json|structlog|ecs|logstash)", re.I)
_CODE_SUFFIXES = {".py", ".go", ".js", ".mjs", ".cjs", ".ts", ".java", ".kt", ".cs", ".rb"}
_CODE_JSON_LOGGING = re.compile(
    r"(pythonjsonlogger|jsonlogger\.JsonFormatter|structlog\.processors\.JSONRenderer|slog\.NewJSONHandler|"
    r"zap\.NewProduction|zap\.NewProductionConfig|logrus\.JSONFormatter|zerolog\.New|require\(['\"]pino['\"]\)|"
    r"from ['\"]pino['\"]|format\.json\(\)|AddJsonConsole|JsonConsoleFormatter|CompactJsonFormatter|"
    r"LogstashEncoder|ecs_logging)"
)
_XML_JSON = re.compile(
    r"(LogstashEncoder|LoggingEventCompositeJsonEncoder|JsonEncoder|JsonLayout|JsonTemplateLayout|"
    r"EcsLayout|EcsEncoder|JSONLayout)"
)
_XML_PATTERN = re.compile(r"(<pattern>|<PatternLayout|PatternLayout)")
_OTEL_DEPENDENCY = re.compile(
    r"(opentelemetry-sdk|opentelemetry-distro|@opentelemetry/sdk|go\.opentelemetry\.io/otel/sdk"
    r"|io\.opentelemetry|OpenTelemetry\.Extensions|opentelemetry-instrumentation)"
)
_DEPENDENCY_FILES = {
    "requirements.txt",
    "pyproject.toml",
    "package.json",
    "go.mod",
    "pom.xml",
    "build.gradle",
    "build.gradle.kts",
    "Gemfile",
    "poetry.lock",
}
_AUDIT_FLAGS = re.compile(r"audit-(policy-file|log-path|webhook-config-file)")
_EKS_AUDIT = re.compile(r"enabled_cluster_log_types\s*=\s*\[[^\]]*\"audit\"")
_AKS_AUDIT = re.compile(r"category\s*=\s*\"kube-audit(-admin)?\"")
_CLOUDTRAIL = re.compile(r"resource\s+\"aws_cloudtrail\"")
_PGAUDIT = re.compile(r"shared_preload_libraries\s*=\s*'[^']*pgaudit")
_WORKLOAD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "Rollout"}


def _containers(value: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    spec = value.get("spec") if isinstance(value.get("spec"), dict) else {}
    template = get_path(spec, "jobTemplate", "spec", "template") or spec.get("template") or {"spec": spec}
    pod_spec = (
        template.get("spec") if isinstance(template, dict) and isinstance(template.get("spec"), dict) else {}
    )
    annotations = mapping(get_path(template, "metadata", "annotations"))
    containers = [c for c in sequence(pod_spec.get("containers")) if isinstance(c, dict)]
    return containers, annotations if isinstance(annotations, dict) else {}


@dataclass
class AppLoggingFacts:
    provenance: Any
    structured: list[dict[str, Any]] = field(default_factory=list)
    instrumentation: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    services: list[dict[str, Any]] = field(default_factory=list)
    """What could be instrumented for tracing: workloads and dependency manifests read."""

    def consume(self, doc: Document) -> None:
        value = doc.value
        if not isinstance(value, dict):
            return
        kind, api = kind_of(value), str(value.get("apiVersion") or "")
        here = self.provenance(doc, getattr(value, "line", doc.line))
        if kind == "Policy" and api.startswith("audit.k8s.io/"):
            levels = [str(r.get("level")) for r in sequence(value.get("rules")) if isinstance(r, dict)]
            recording = [lvl for lvl in levels if lvl != "None"]
            self.audit.append(
                {
                    "kind": "kubernetes-audit-policy",
                    "enabled": bool(recording),
                    "detail": f"{len(levels)} rules, levels {', '.join(sorted(set(levels))) or 'none'}",
                    "provenance": here,
                }
            )
        elif kind == "Instrumentation" and api.startswith("opentelemetry.io/"):
            self.instrumentation.append({"kind": "otel-operator-instrumentation", "provenance": here})
        elif kind in _WORKLOAD_KINDS:
            self._workload(value, here)
        elif kind is None:
            self._config(value, here)
        if kind == "ClusterConfiguration" and get_path(value, "apiServer", "extraArgs", "audit-policy-file"):
            self.audit.append(
                {
                    "kind": "kube-apiserver-flags",
                    "enabled": True,
                    "detail": "kubeadm audit-policy-file",
                    "provenance": here,
                }
            )
        cluster_logging = get_path(value, "cloudWatch", "clusterLogging", "enableTypes")
        if kind == "ClusterConfig" and isinstance(cluster_logging, list):
            on = "audit" in cluster_logging or "*" in cluster_logging
            self.audit.append(
                {
                    "kind": "eks-control-plane-audit",
                    "enabled": on,
                    "detail": "eksctl clusterLogging.enableTypes",
                    "provenance": here,
                }
            )

    def _workload(self, value: dict[str, Any], here: dict[str, Any]) -> None:
        containers, annotations = _containers(value)
        name = f"{value.get('kind')}/{get_path(value, 'metadata', 'name')}"
        self.services.append({"kind": "workload", "name": name, "provenance": here})
        if any(str(k).startswith("instrumentation.opentelemetry.io/inject") for k in annotations):
            self.instrumentation.append(
                {"kind": "otel-inject-annotation", "workload": name, "provenance": here}
            )
        for container in containers:
            names = {str(e.get("name")) for e in sequence(container.get("env")) if isinstance(e, dict)}
            otel = sorted(n for n in names if n.startswith("OTEL_EXPORTER_OTLP") or n == "OTEL_SERVICE_NAME")
            if otel:
                self.instrumentation.append(
                    {"kind": "otel-env", "workload": name, "variables": otel, "provenance": here}
                )
            for env in sequence(container.get("env")):
                if (
                    isinstance(env, dict)
                    and str(env.get("name")) in ("LOG_FORMAT", "LOGGING_FORMAT", "LOG_ENCODING")
                    and str(env.get("value") or "").lower() in ("json", "ecs", "logstash")
                ):
                    self.structured.append(
                        {
                            "kind": "env",
                            "format": "json",
                            "where": f"{name} {env['name']}",
                            "provenance": here,
                        }
                    )

    def _config(self, value: dict[str, Any], here: dict[str, Any]) -> None:
        formatters = value.get("formatters")
        if value.get("version") == 1 and isinstance(formatters, dict) and "handlers" in value:
            for name, formatter in formatters.items():
                if isinstance(formatter, dict):
                    cls = str(formatter.get("()") or formatter.get("class") or "logging.Formatter")
                    self.structured.append(
                        {
                            "kind": "python-logging",
                            "format": "json" if _JSON_CLASS.search(cls) else "plain",
                            "where": f"formatter {name}",
                            "provenance": here,
                        }
                    )
            if isinstance(get_path(value, "loggers", "audit"), dict):
                self.audit.append(
                    {
                        "kind": "application-audit-logger",
                        "enabled": True,
                        "detail": "logger 'audit' configured",
                        "provenance": here,
                    }
                )
        structured = get_path(value, "logging", "structured", "format")
        if isinstance(structured, dict) and structured:
            self.structured.append(
                {
                    "kind": "spring-boot",
                    "format": "json",
                    "where": "logging.structured.format",
                    "provenance": here,
                }
            )
        serilog = value.get("Serilog")
        if isinstance(serilog, dict) and _JSON_CLASS.search(str(serilog.get("WriteTo") or "")):
            self.structured.append(
                {
                    "kind": "serilog",
                    "format": "json",
                    "where": "Serilog.WriteTo formatter",
                    "provenance": here,
                }
            )

    def consume_text(self, source: SourceFile, ref: Any) -> None:
        text = source.text or ""
        name = source.path.name
        if source.suffix == ".xml" and ("<configuration" in text or "<Configuration" in text):
            if _XML_JSON.search(text):
                self.structured.append(
                    {
                        "kind": "logback/log4j2",
                        "format": "json",
                        "where": name,
                        "provenance": ref(source, _line(text, _XML_JSON)),
                    }
                )
            elif _XML_PATTERN.search(text):
                self.structured.append(
                    {
                        "kind": "logback/log4j2",
                        "format": "plain",
                        "where": name,
                        "provenance": ref(source, _line(text, _XML_PATTERN)),
                    }
                )
            if re.search(r"<[Ll]ogger\s+name=\"audit", text):
                self.audit.append(
                    {
                        "kind": "application-audit-logger",
                        "enabled": True,
                        "detail": f"{name} logger audit",
                        "provenance": ref(source, 1),
                    }
                )
        elif source.suffix in _CODE_SUFFIXES and _CODE_JSON_LOGGING.search(text):
            self.structured.append(
                {
                    "kind": "code",
                    "format": "json",
                    "where": name,
                    "provenance": ref(source, _line(text, _CODE_JSON_LOGGING)),
                }
            )
        if name in _DEPENDENCY_FILES:
            self.services.append(
                {"kind": "dependency-manifest", "name": source.rel, "provenance": ref(source, 1)}
            )
        if name in _DEPENDENCY_FILES and _OTEL_DEPENDENCY.search(text):
            self.instrumentation.append(
                {"kind": "otel-sdk-dependency", "provenance": ref(source, _line(text, _OTEL_DEPENDENCY))}
            )
        if (
            source.suffix in (".yaml", ".yml", ".json", ".conf", ".tf")
            and _AUDIT_FLAGS.search(text)
            and ("kube-apiserver" in text or "apiServer" in text)
        ):
            self.audit.append(
                {
                    "kind": "kube-apiserver-flags",
                    "enabled": True,
                    "detail": "audit flags set",
                    "provenance": ref(source, _line(text, _AUDIT_FLAGS)),
                }
            )
        if source.suffix == ".tf":
            for pattern, kind in (
                (_EKS_AUDIT, "eks-control-plane-audit"),
                (_AKS_AUDIT, "aks-control-plane-audit"),
                (_CLOUDTRAIL, "aws-cloudtrail"),
            ):
                if pattern.search(text):
                    self.audit.append(
                        {
                            "kind": kind,
                            "enabled": True,
                            "detail": "Terraform",
                            "provenance": ref(source, _line(text, pattern)),
                        }
                    )
        if name.startswith("postgresql") and name.endswith(".conf") and _PGAUDIT.search(text):
            self.audit.append(
                {
                    "kind": "pgaudit",
                    "enabled": True,
                    "detail": "shared_preload_libraries pgaudit",
                    "provenance": ref(source, _line(text, _PGAUDIT)),
                }
            )

    def facts(self) -> dict[str, Any]:
        return {"structured": self.structured, "audit": self.audit}


def _line(text: str, pattern: re.Pattern[str]) -> int:
    match = pattern.search(text)
    return text[: match.start()].count("\n") + 1 if match else 1
