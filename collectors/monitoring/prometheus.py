"""Prometheus evidence: scrape configuration, Operator objects, and alerting/recording rules.

Found by content: a Prometheus config has `scrape_configs`; a rule file has `groups[].rules`;
Operator objects are recognised by `apiVersion: monitoring.coreos.com/*` and `kind`. Rules are
read from plain rule files, PrometheusRule objects, ConfigMaps and the prometheus-community
chart's `serverFiles`. Every expression is parsed with the real PromQL parser; an expression
that does not parse is reported as a warning naming the file and line, and the other rules and
files are still read. LogQL rules (Loki ruler) are recognised and handed to the logging facts;
their alerts are classified too, read as PromQL with their log ranges lifted (module logql).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import promql_parser as pq
from gonogo.collectors.monitoring import alert_classes, logql, output_labels, promql_semantics
from gonogo.collectors.monitoring.yaml_lines import Document, LineDict, get_path, kind_of, mapping, sequence

OPERATOR_GROUP = "monitoring.coreos.com/"
SCRAPE_KINDS = {"ServiceMonitor", "PodMonitor", "Probe", "ScrapeConfig"}
CRITICAL_SEVERITIES = {"critical", "page", "p1", "sev1", "emergency"}
_LOGQL = re.compile(
    r"(\}\s*(\|=|\|~|!=|!~|\|\s*(json|logfmt|pattern|regexp|line_format|label_format|unwrap|"
    r"drop|keep|decolorize))|(count_over_time|bytes_over_time|bytes_rate|rate|absent_over_time)"
    r"\(\s*\{)"
)
_LOGQL_RANGE = re.compile(
    r"(count_over_time|bytes_over_time|bytes_rate|rate|absent_over_time)\(\s*\{(?![^}]*__name__)"
)
_SYSTEM_SOURCE = re.compile(
    r"(node-exporter|node_exporter|nodeexporter|kubelet|cadvisor|kube-state-metrics|"
    r"windows-exporter|process-exporter|node$)"
)
_PLATFORM_SOURCE = re.compile(
    r"(prometheus|alertmanager|grafana|operator|coredns|apiserver|etcd|scheduler|"
    r"controller-manager|loki|promtail|pushgateway|blackbox|thanos|kube-proxy)"
)
_DURATION = re.compile(r"^(\d+(ms|s|m|h|d|w|y))+$")


def _duration_seconds(text: Any) -> float | None:
    if not isinstance(text, str) or not _DURATION.match(text.strip()):
        return None
    try:
        return pq.parse_duration(text.strip()).total_seconds()
    except ValueError:
        return None


def source_category(*names: str) -> str:
    joined = " ".join(n.lower() for n in names if n)
    if _SYSTEM_SOURCE.search(joined):
        return "system"
    if _PLATFORM_SOURCE.search(joined):
        return "platform"
    return "app"


@dataclass
class Rule:
    doc: Document
    line: int
    group: str
    origin: str
    value: dict[str, Any]
    language: str = "promql"

    @property
    def ref(self) -> str:
        return self.doc.ref(self.line)


@dataclass
class PrometheusFacts:
    root: Path
    provenance: Any
    warnings: list[str]
    rules: list[Rule] = field(default_factory=list)
    configs: list[dict[str, Any]] = field(default_factory=list)
    scrape_sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    servers: dict[str, dict[str, Any]] = field(default_factory=dict)
    logql_rules: list[dict[str, Any]] = field(default_factory=list)

    def consume(self, doc: Document) -> None:
        value = doc.value
        if not isinstance(value, dict):
            return
        kind, api = kind_of(value), str(value.get("apiVersion") or "")
        meta = value.get("metadata") if isinstance(value.get("metadata"), dict) else {}
        object_name = f"{meta.get('namespace') or 'default'}/{meta.get('name') or '?'}"
        if api.startswith(OPERATOR_GROUP) and kind == "PrometheusRule":
            self._groups(doc, get_path(value, "spec", "groups"), f"PrometheusRule {object_name}")
        elif api.startswith("loki.grafana.com/") and kind in ("AlertingRule", "RecordingRule"):
            self._groups(doc, get_path(value, "spec", "groups"), f"{kind} {object_name}")
        elif api.startswith(OPERATOR_GROUP) and kind in SCRAPE_KINDS:
            self._scrape_object(doc, kind, object_name, value)
        elif api.startswith(OPERATOR_GROUP) and kind == "Prometheus":
            self.servers[f"Prometheus/{object_name}"] = {
                "kind": "Prometheus",
                "name": object_name,
                "rule_selector": "ruleSelector" in mapping(value.get("spec")),
                "alertmanagers": bool(get_path(value, "spec", "alerting", "alertmanagers")),
                "provenance": self.provenance(doc, doc.line),
            }
        elif kind is None:
            self._plain(doc, value)

    def _plain(self, doc: Document, value: dict[str, Any]) -> None:
        if isinstance(value.get("groups"), list):
            self._groups(doc, value["groups"], "rule file")
        promtail = "clients" in value or "positions" in value  # Promtail also has scrape_configs
        unit_tests = isinstance(value.get("tests"), list)  # promtool test rules: rule_files + tests
        if (
            not promtail
            and not unit_tests
            and (isinstance(value.get("scrape_configs"), list) or isinstance(value.get("rule_files"), list))
        ):
            self._config(doc, value)
        server_files = value.get("serverFiles")
        if isinstance(server_files, dict):
            for entry in server_files.values():
                if isinstance(entry, dict):
                    self._plain(doc, entry)
        self._stack_values(doc, value)

    def _stack_values(self, doc: Document, value: dict[str, Any]) -> None:
        """kube-prometheus-stack values: additionalPrometheusRulesMap and additionalScrapeConfigs."""
        rules_map = value.get("additionalPrometheusRulesMap")
        if isinstance(rules_map, dict):
            for name, entry in rules_map.items():
                if isinstance(entry, dict):
                    self._groups(doc, entry.get("groups"), f"Helm values additionalPrometheusRulesMap.{name}")
        extra_jobs = get_path(value, "prometheus", "prometheusSpec", "additionalScrapeConfigs")
        if isinstance(extra_jobs, list):
            self._config(doc, {"scrape_configs": extra_jobs})

    def _config(self, doc: Document, value: dict[str, Any]) -> None:
        jobs = []
        for job in sequence(value.get("scrape_configs")):
            if not isinstance(job, dict) or not job.get("job_name"):
                continue
            name = str(job["job_name"])
            by_annotation = "prometheus_io_scrape" in str(job.get("relabel_configs") or "")
            category = "app" if by_annotation else source_category(name)
            jobs.append(name)
            line = job.line if isinstance(job, LineDict) else doc.line
            self.scrape_sources[f"job/{name}"] = {
                "kind": "scrape_config",
                "name": name,
                "category": category,
                "annotation_discovery": by_annotation,
                "provenance": self.provenance(doc, line),
            }
        self.configs.append(
            {
                "scrape_jobs": jobs,
                "rule_files": [str(r) for r in sequence(value.get("rule_files"))],
                "alerting": bool(get_path(value, "alerting", "alertmanagers")),
                "provenance": self.provenance(doc, doc.line),
            }
        )

    def _scrape_object(self, doc: Document, kind: str, object_name: str, value: dict[str, Any]) -> None:
        spec = value.get("spec") if isinstance(value.get("spec"), dict) else {}
        labels = mapping(get_path(spec, "selector", "matchLabels"))
        selector = " ".join(str(v) for v in labels.values()) if isinstance(labels, dict) else ""
        job_label = str(spec.get("jobLabel") or "")
        self.scrape_sources[f"{kind}/{object_name}"] = {
            "kind": kind,
            "name": object_name,
            "category": source_category(object_name, selector, job_label),
            "annotation_discovery": False,
            "provenance": self.provenance(doc, doc.line),
        }

    def _groups(self, doc: Document, groups: Any, origin: str) -> None:
        if not isinstance(groups, list):
            return
        for group in groups:
            if not isinstance(group, dict) or not isinstance(group.get("rules"), list):
                continue
            for rule in group["rules"]:
                if isinstance(rule, dict) and ("alert" in rule or "record" in rule) and "expr" in rule:
                    line = rule.line if isinstance(rule, LineDict) else doc.line
                    self.rules.append(Rule(doc, line, str(group.get("name") or ""), origin, rule))

    # ---- after every file is read -------------------------------------------------------

    def analyse(self) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
        """(alerts keyed by unique name, recording rules keyed by record name)."""
        recordings = promql_semantics.RecordingRules()
        records: dict[str, dict[str, Any]] = {}
        parsed: dict[int, Any] = {}
        for index, rule in enumerate(self.rules):
            tree = self._parse(rule)
            if tree is None:
                continue
            parsed[index] = tree
            if "record" in rule.value:
                name = str(rule.value["record"])
                recordings.add(name, tree)
                records.setdefault(
                    name,
                    {
                        "name": name,
                        "expr": str(rule.value["expr"])[:500],
                        "provenance": self.provenance(rule.doc, rule.line),
                    },
                )
        names = Counter(str(r.value.get("alert")) for r in self.rules if "alert" in r.value)
        alerts: dict[str, dict[str, Any]] = {}
        for index, rule in enumerate(self.rules):
            if "alert" not in rule.value or (index not in parsed and self._is_logql(rule)):
                continue
            fact = self._alert_fact(rule, parsed.get(index), recordings)
            name = fact["name"]
            key = name if names[name] == 1 else f"{name} ({rule.ref})"
            if key in alerts:  # the same name twice in one cluster object: number them
                key = f"{name} ({rule.ref} #{sum(1 for k in alerts if k.startswith(key)) + 1})"
            alerts[key] = fact
        return alerts, records

    @staticmethod
    def _is_logql(rule: Rule) -> bool:
        return bool(_LOGQL.search(str(rule.value.get("expr"))))

    def _parse(self, rule: Rule) -> Any:
        expr = str(rule.value.get("expr"))
        if _LOGQL_RANGE.search(expr):  # valid PromQL too, but a nameless log stream: LogQL
            return self._logql(rule)
        try:
            return promql_semantics.parse(expr)
        except ValueError as exc:
            if self._is_logql(rule):
                return self._logql(rule)
            self.warnings.append(
                f"{rule.ref}: rule {rule.value.get('alert') or rule.value.get('record')}: "
                f"expr is not PromQL ({str(exc)[:120]}); rule not evaluated"
            )
            return None

    def _logql(self, rule: Rule) -> Any:
        """Note a Loki ruler alert (a log alert) and return its tree read as PromQL (module logql),
        or None when its log ranges cannot be lifted: then it is a log alert only, unclassified."""
        rule.language = "logql"
        if "alert" in rule.value:
            self.logql_rules.append(
                {
                    "name": str(rule.value["alert"]),
                    "origin": rule.origin,
                    "provenance": self.provenance(rule.doc, rule.line),
                }
            )
        lifted = logql.as_promql(str(rule.value.get("expr")))
        try:
            return None if lifted is None else promql_semantics.parse(lifted)
        except ValueError:
            return None

    def _alert_fact(
        self, rule: Rule, tree: Any, recordings: promql_semantics.RecordingRules
    ) -> dict[str, Any]:
        value = rule.value
        labels = {
            str(k): str(v) for k, v in mapping(value.get("labels")).items() if isinstance(v, (str, int))
        }
        annotations = value.get("annotations") if isinstance(value.get("annotations"), dict) else {}
        fact: dict[str, Any] = {
            "name": str(value["alert"]),
            "group": rule.group,
            "origin": rule.origin,
            "expr": str(value["expr"])[:500],
            "for": str(value.get("for") or "0s"),
            "for_seconds": _duration_seconds(str(value.get("for") or "0s")) or 0,
            "severity": labels.get("severity", ""),
            "labels": labels,
            "critical": labels.get("severity", "").lower() in CRITICAL_SEVERITIES,
            "annotations": sorted(str(k) for k in annotations),
            "runbook": self._runbook(rule, annotations),
            "parsed": tree is not None,
            "language": rule.language,
            "expr_labels": {},
            "classes": {},
            "analysis": None,
            "provenance": self.provenance(rule.doc, rule.line),
        }
        if tree is not None:
            fact["expr_labels"] = output_labels.labels_of(tree, recordings)
            analysis = promql_semantics.analyse(tree, recordings)
            fact["analysis"] = analysis.to_fact()
            fact["classes"] = alert_classes.classify(analysis)
        return fact

    def _runbook(self, rule: Rule, annotations: dict[str, Any]) -> dict[str, Any]:
        url = annotations.get("runbook_url") or annotations.get("runbook")
        if not isinstance(url, str) or not url.strip():
            return {"kind": "missing"}
        url = url.strip()
        if re.match(r"^https?://[^\s/]+", url):
            return {"kind": "url", "url": url[:300]}
        target = url.split("#", 1)[0]
        if "{{" not in target and target:
            here = Path(rule.doc.source.rel).parent
            for candidate in (Path(target.removeprefix("/")), here / target):
                resolved = (self.root / candidate).resolve()
                if resolved.is_file() and resolved.is_relative_to(self.root.resolve()):
                    return {
                        "kind": "file",
                        "url": url[:300],
                        "path": resolved.relative_to(self.root.resolve()).as_posix(),
                    }
        return {"kind": "unresolved", "url": url[:300]}

    def metric_uses(self, alerts: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
        """metric name -> where alerting rules use it (file:line)."""
        uses: dict[str, list[str]] = {}
        for alert in alerts.values():
            analysis = mapping(alert.get("analysis"))
            for name in [*(analysis.get("metrics") or []), *(analysis.get("guard_metrics") or [])]:
                if name.startswith(logql.LOG_SERIES_PREFIX) and alert.get("language") == "logql":
                    continue  # a log stream read as a series, not a metric anything exports
                uses.setdefault(name, []).append(alert["provenance"]["ref"])
        return uses
