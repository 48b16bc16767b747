"""Logging and tracing pipelines: Loki, Elasticsearch ILM, log shippers, OpenTelemetry Collector.

- Loki config (`schema_config` / `limits_config`, also under a Helm `loki:` key): retention from
  `limits_config.retention_period` (applied only when `compactor.retention_enabled` is true) or
  the legacy `table_manager.retention_period` (with `retention_deletes_enabled`).
- Elasticsearch ILM policies (`policy.phases`): retention is the `delete` phase's `min_age`.
- Terraform `aws_cloudwatch_log_group` `retention_in_days`.
- Shippers: Fluent Bit (classic `[OUTPUT]` sections or YAML `pipeline.outputs`), Vector
  (`sinks`, YAML or TOML), Promtail (`clients`), Fluentd (`<match>` `@type`), and OpenTelemetry
  Collector `logs` pipelines. Only output plugin types are recorded: hosts, users, passwords and
  headers are never copied.
- OpenTelemetry Collector configs (plain, ConfigMap, `OpenTelemetryCollector` objects): every
  pipeline's receivers, processors and exporters (component types only).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import promql_parser as pq
from gonogo.collectors.monitoring.yaml_lines import Document, get_path, kind_of, load_yaml_text, sequence
from gonogo.collectors.sources.files import SourceFile

LOCAL_OUTPUTS = {
    "stdout",
    "file",
    "null",
    "counter",
    "console",
    "blackhole",
    "debug",
    "logging",
    "nop",
    "noop",
}
_FLUENTD_MATCH = re.compile(r"<match\s+[^>]*>(.*?)</match>", re.S)
_FLUENTD_TYPE = re.compile(r"@type\s+(\S+)")
_TF_LOG_GROUP = re.compile(r'resource\s+"aws_cloudwatch_log_group"\s+"([^"]+)"\s*\{(.*?)\n\}', re.S)
_TF_RETENTION = re.compile(r"retention_in_days\s*=\s*(\d+)")


def duration_days(text: Any) -> float | None:
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return pq.parse_duration(text.strip()).total_seconds() / 86400.0
    except ValueError:
        return None


def fluent_bit_sections(text: str) -> list[tuple[str, int, dict[str, str]]]:
    """Fluent Bit's classic format: `[SECTION]` headers followed by `Key Value` lines."""
    sections: list[tuple[str, int, dict[str, str]]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("@"):
            continue
        header = re.match(r"^\[([A-Za-z_]+)\]$", line)
        if header:
            sections.append((header.group(1).upper(), number, {}))
        elif sections:
            key, _, value = line.partition(" ")
            sections[-1][2][key.lower()] = value.strip()
    return sections


@dataclass
class LoggingTracingFacts:
    provenance: Any
    warnings: list[str]
    retention: list[dict[str, Any]] = field(default_factory=list)
    shippers: list[dict[str, Any]] = field(default_factory=list)
    backends: list[dict[str, Any]] = field(default_factory=list)
    otel_pipelines: list[dict[str, Any]] = field(default_factory=list)
    elastalert_rules: list[dict[str, Any]] = field(default_factory=list)

    def consume(self, doc: Document) -> None:
        value = doc.value
        if not isinstance(value, dict):
            return
        kind, api = kind_of(value), str(value.get("apiVersion") or "")
        if kind == "ConfigMap":
            self._configmap_text(doc, value)
            return
        if kind == "OpenTelemetryCollector" and api.startswith("opentelemetry.io/"):
            config = get_path(value, "spec", "config")
            if isinstance(config, str):
                parsed, problem = load_yaml_text(config, f"{doc.ref()} (spec.config)")
                if problem:
                    self.warnings.append(problem)
                config = parsed[0] if parsed else None
            if isinstance(config, dict):
                self._otel(doc, config, f"OpenTelemetryCollector {get_path(value, 'metadata', 'name')}")
            return
        if kind is not None:
            return
        for loki in (value, value.get("loki")):
            if isinstance(loki, dict) and (
                "schema_config" in loki
                or "schemaConfig" in loki
                or (
                    "limits_config" in loki
                    and ("compactor" in loki or "ingester" in loki or "server" in loki)
                )
            ):
                self._loki(doc, loki)
                break
        if isinstance(get_path(value, "policy", "phases"), dict):
            self._ilm(doc, value["policy"]["phases"])
        if isinstance(value.get("clients"), list) and "scrape_configs" in value:
            self.shippers.append(
                {"tool": "promtail", "outputs": ["loki"], "provenance": self.provenance(doc, doc.line)}
            )
        if isinstance(value.get("sinks"), dict):
            self._vector(doc, value["sinks"])
        outputs = get_path(value, "pipeline", "outputs")
        if isinstance(outputs, list):
            names = [str(o.get("name")) for o in outputs if isinstance(o, dict) and o.get("name")]
            self.shippers.append(
                {"tool": "fluent-bit", "outputs": names, "provenance": self.provenance(doc, doc.line)}
            )
        if isinstance(value.get("exporters"), dict) and isinstance(
            get_path(value, "service", "pipelines"), dict
        ):
            self._otel(doc, value, "otel collector config")
        if value.get("type") in {
            "any",
            "blacklist",
            "whitelist",
            "change",
            "frequency",
            "spike",
            "flatline",
            "new_term",
            "cardinality",
            "metric_aggregation",
            "percentage_match",
        } and ("index" in value and "alert" in value):
            self.elastalert_rules.append(
                {
                    "name": str(value.get("name") or ""),
                    "type": str(value["type"]),
                    "provenance": self.provenance(doc, doc.line),
                }
            )

    def consume_text(self, source: SourceFile, ref: Any) -> None:
        """Non-YAML files: Fluent Bit classic config, Fluentd config, Vector TOML, Terraform."""
        text = source.text or ""
        if "[OUTPUT]" in text or "[output]" in text:
            self._fluent_bit(text, ref(source, 1))
        if "<match" in text and "@type" in text:
            types = [
                m.group(1)
                for block in _FLUENTD_MATCH.finditer(text)
                for m in [_FLUENTD_TYPE.search(block.group(1))]
                if m
            ]
            if types:
                self.shippers.append({"tool": "fluentd", "outputs": types, "provenance": ref(source, 1)})
        if source.suffix == ".toml" and "sinks" in text:
            try:
                sinks = tomllib.loads(text).get("sinks")
            except tomllib.TOMLDecodeError as exc:
                self.warnings.append(f"{source.rel}: not TOML ({exc.__class__.__name__}); skipped")
                sinks = None
            if isinstance(sinks, dict):
                self._vector_sinks(sinks, ref(source, 1))
        if source.suffix == ".tf" and "aws_cloudwatch_log_group" in text:
            for match in _TF_LOG_GROUP.finditer(text):
                days = _TF_RETENTION.search(match.group(2))
                line = text[: match.start()].count("\n") + 1
                self.retention.append(
                    {
                        "system": "cloudwatch",
                        "name": match.group(1),
                        "days": float(days.group(1)) if days else None,
                        "enforced": bool(days),
                        "note": "" if days else "retention_in_days not set: kept forever",
                        "provenance": ref(source, line),
                    }
                )

    def _configmap_text(self, doc: Document, value: dict[str, Any]) -> None:
        data = value.get("data")
        if not isinstance(data, dict):
            return
        for key, text in data.items():
            if isinstance(text, str) and "[OUTPUT]" in text.upper():
                line = data.line_of(key) if hasattr(data, "line_of") else doc.line
                self._fluent_bit(text, self.provenance(doc, line))

    def _fluent_bit(self, text: str, provenance: dict[str, Any]) -> None:
        outputs = [s[2].get("name", "?") for s in fluent_bit_sections(text) if s[0] == "OUTPUT"]
        if outputs:
            self.shippers.append({"tool": "fluent-bit", "outputs": outputs, "provenance": provenance})

    def _vector(self, doc: Document, sinks: dict[str, Any]) -> None:
        self._vector_sinks(sinks, self.provenance(doc, doc.line))

    def _vector_sinks(self, sinks: dict[str, Any], provenance: dict[str, Any]) -> None:
        types = [str(s.get("type")) for s in sinks.values() if isinstance(s, dict) and s.get("type")]
        if types:
            self.shippers.append({"tool": "vector", "outputs": types, "provenance": provenance})

    def _loki(self, doc: Document, loki: dict[str, Any]) -> None:
        provenance = self.provenance(doc, getattr(loki, "line", doc.line))
        self.backends.append({"system": "loki", "provenance": provenance})
        limits = loki.get("limits_config") if isinstance(loki.get("limits_config"), dict) else {}
        compactor = loki.get("compactor") if isinstance(loki.get("compactor"), dict) else {}
        table_manager = loki.get("table_manager") if isinstance(loki.get("table_manager"), dict) else {}
        if "retention_period" in limits:
            days = duration_days(str(limits["retention_period"]))
            enforced = compactor.get("retention_enabled") is True
            note = "" if enforced else "compactor.retention_enabled is not true: logs are never deleted"
            if days == 0:
                note = "retention_period 0: retention disabled, logs kept forever"
            line = limits.line_of("retention_period") if hasattr(limits, "line_of") else doc.line
            self.retention.append(
                {
                    "system": "loki",
                    "name": "limits_config.retention_period",
                    "days": days,
                    "enforced": enforced and bool(days),
                    "note": note,
                    "provenance": self.provenance(doc, line),
                }
            )
        elif "retention_period" in table_manager:
            days = duration_days(str(table_manager["retention_period"]))
            enforced = table_manager.get("retention_deletes_enabled") is True
            line = (
                table_manager.line_of("retention_period") if hasattr(table_manager, "line_of") else doc.line
            )
            self.retention.append(
                {
                    "system": "loki",
                    "name": "table_manager.retention_period",
                    "days": days,
                    "enforced": enforced and bool(days),
                    "note": "" if enforced else "retention_deletes_enabled is not true",
                    "provenance": self.provenance(doc, line),
                }
            )
        else:
            self.retention.append(
                {
                    "system": "loki",
                    "name": "limits_config",
                    "days": None,
                    "enforced": False,
                    "note": "no retention_period: Loki keeps logs forever",
                    "provenance": provenance,
                }
            )

    def _ilm(self, doc: Document, phases: dict[str, Any]) -> None:
        self.backends.append({"system": "elasticsearch", "provenance": self.provenance(doc, doc.line)})
        delete = phases.get("delete") if isinstance(phases.get("delete"), dict) else None
        days = duration_days(str(delete.get("min_age") or "0d")) if delete else None
        self.retention.append(
            {
                "system": "elasticsearch-ilm",
                "name": "policy.phases.delete.min_age",
                "days": days,
                "enforced": delete is not None and bool(get_path(delete, "actions", "delete") is not None),
                "note": "" if delete else "no delete phase: indices are kept forever",
                "provenance": self.provenance(doc, doc.line),
            }
        )

    def _otel(self, doc: Document, config: dict[str, Any], origin: str) -> None:
        pipelines = get_path(config, "service", "pipelines")
        if not isinstance(pipelines, dict):
            return
        for name, pipeline in pipelines.items():
            if not isinstance(pipeline, dict):
                continue

            def types(key: str, pipeline: dict[str, Any] = pipeline) -> list[str]:
                return [str(c).split("/", 1)[0] for c in sequence(pipeline.get(key))]

            entry = {
                "origin": origin,
                "pipeline": str(name),
                "signal": str(name).split("/", 1)[0],
                "receivers": types("receivers"),
                "processors": types("processors"),
                "exporters": types("exporters"),
                "provenance": self.provenance(doc, doc.line),
            }
            self.otel_pipelines.append(entry)
            if entry["signal"] == "logs":
                self.shippers.append(
                    {
                        "tool": "otel-collector",
                        "outputs": entry["exporters"],
                        "provenance": entry["provenance"],
                    }
                )

    def facts(self) -> dict[str, Any]:
        central = [s for s in self.shippers if any(o.lower() not in LOCAL_OUTPUTS for o in s["outputs"])]
        return {
            "shippers": self.shippers,
            "central_shippers": len(central),
            "backends": self.backends,
            "retention": self.retention,
            "elastalert_rules": self.elastalert_rules,
        }
