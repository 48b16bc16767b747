"""The monitoring collector on fixtures in the real formats: covered, gaps, realworld."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from gonogo.schema_validation import schema_errors


def rows(section: dict[str, Any], cls: str) -> list[tuple[str, str, list[str]]]:
    return [
        (a["alert"], a["threshold_text"], a["receivers"]) for a in section["alert_coverage"][cls]["alerts"]
    ]


@pytest.mark.parametrize("name", ["covered", "gaps", "realworld"])
def test_snapshot_matches_the_schema_and_holds_no_secret(name: str, collect_folder, fixtures_dir) -> None:
    section, warnings = collect_folder(fixtures_dir / name)
    assert schema_errors("collectors/monitoring/schema.json#/properties/monitoring", section) == []
    text = json.dumps(section) + json.dumps(warnings)
    assert "canary" not in text  # passwords, keys and webhook URLs planted in the fixtures


def test_every_class_is_present_even_when_nothing_covers_it(gaps: tuple[dict[str, Any], list[str]]) -> None:
    section, _ = gaps
    assert len(section["alert_coverage"]) == 15
    assert section["alert_coverage"]["usage_quota"]["alerts"] == []


def test_covered_fixture_covers_all_fifteen_classes_with_routed_alerts(covered: tuple[dict, list]) -> None:
    section, warnings = covered
    assert warnings == []
    for cls, row in section["alert_coverage"].items():
        assert any(a["routed"] for a in row["alerts"]), cls
    assert rows(section, "error_rate") == [("ShopHighErrorRate", "> 1%", ["pagerduty-oncall", "slack-shop"])]


def test_rules_in_prometheusrule_objects_and_plain_files(covered: tuple[dict, list]) -> None:
    section, _ = covered
    origins = {a["origin"] for a in section["alerts"].values()}
    assert origins == {"rule file", "PrometheusRule shop/shop-api"}
    assert section["alerts"]["NodeHighCPUUtilisation"]["analysis"]["recording_rules_used"] == [
        "instance:node_cpu_utilisation:rate5m"
    ]


def test_unless_expression_is_classified_from_its_left_side(covered: tuple[dict, list]) -> None:
    alert = covered[0]["alerts"]["ShopPodCrashLooping"]
    assert alert["analysis"]["excluded_by_unless"] == ["kube_namespace_labels"]
    assert list(alert["classes"]) == ["pod_restarts"]


def test_runbooks_resolve_to_files_or_urls(covered: tuple[dict, list], gaps: tuple[dict, list]) -> None:
    alerts = covered[0]["alerts"]
    assert alerts["NodeHighCPUUtilisation"]["runbook"] == {
        "kind": "file",
        "url": "runbooks/node-high-cpu.md",
        "path": "runbooks/node-high-cpu.md",
    }
    assert alerts["NodeFilesystemAlmostOutOfSpace"]["runbook"]["path"] == "runbooks/node-filesystem.md"
    assert alerts["NodeMemoryHighUtilisation"]["runbook"]["kind"] == "url"
    assert gaps[0]["alerts"]["HostCPUCritical"]["runbook"]["kind"] == "unresolved"


def test_parse_errors_name_file_and_line_and_other_files_are_still_read(gaps: tuple[dict, list]) -> None:
    section, warnings = gaps
    assert any(w.startswith("rules/broken.yaml:9: rule UnclosedParenthesis") for w in warnings)
    assert any(w.startswith("rules/not-yaml.rules.yml: not YAML (line 6") for w in warnings)
    assert section["alerts"]["GoodRuleInBrokenFile"]["parsed"] is True
    assert section["alerts"]["UnclosedParenthesis"]["parsed"] is False
    assert "HostCPUCritical" in section["alerts"]  # a file after the broken ones


def test_too_loose_thresholds_are_recorded_as_found(gaps: tuple[dict, list]) -> None:
    section, _ = gaps
    assert rows(section, "high_cpu") == [("HostCPUCritical", "> 95%", ["slack-default"])]
    assert rows(section, "disk_space") == [("HostDiskAlmostFull", "< 5%", ["slack-default"])]
    assert section["alert_coverage"]["disk_space"]["alerts"][0]["threshold"] == pytest.approx(0.05)


def test_alert_routed_to_a_receiver_without_integration(gaps: tuple[dict, list]) -> None:
    row = gaps[0]["alert_coverage"]["api_failures"]["alerts"][0]
    assert (row["alert"], row["receivers"], row["routed"]) == ("CheckoutAPIAbsent", ["blackhole"], False)


EXPECTED_REALWORLD = {
    "high_cpu": [("NodeCPUBusy", "> 80%", ["slack-platform"]), ("NodeCPUHighUsage", "> 90%", ["null"])],
    "high_memory": [("NodeMemoryHighUtilization", "> 90%", ["slack-platform"])],
    "disk_space": [
        ("NodeFilesystemAlmostOutOfSpace", "< 5%", ["slack-platform"]),
        ("NodeFilesystemAlmostOutOfSpace", "< 3%", ["pagerduty-platform", "slack-platform"]),
        ("NodeFilesystemSpaceFillingUp", "< 15%", ["pagerduty-platform", "slack-platform"]),
    ],
    "pod_restarts": [("KubePodCrashLooping", ">= 1", ["slack-platform"])],
    "error_rate": [("StorefrontHighErrorRate", "> 1%", ["pagerduty-platform", "slack-storefront"])],
    "latency_p95": [("StorefrontSlowRequests", "p99 > 250ms", ["slack-storefront"])],
    "api_failures": [("StorefrontEndpointDown", "== 0", ["pagerduty-platform", "slack-storefront"])],
    "database_connections": [("StorefrontDatabaseDown", "== 0", ["pagerduty-platform", "slack-storefront"])],
    "auth_failures": [("StorefrontLoginFailures", "> 0.2", ["slack-storefront"])],
    "rate_limit": [("StorefrontRateLimited", "> 20", ["slack-storefront"])],
    "suspicious_ip": [],
    "cert_expiry": [("StorefrontCertificateExpiring", "< 1814400", ["slack-storefront"])],
    "payment_failures": [("PaymentFailuresIncreasing", "> 10", ["email-finance"])],
    "subscription_cancellations": [("SubscriptionCancellationsUp", "> 50", ["null"])],
    "usage_quota": [],
}


def test_realworld_coverage_table_matches_its_readme(realworld: tuple[dict, list]) -> None:
    section, warnings = realworld
    assert warnings == []
    assert {cls: rows(section, cls) for cls in section["alert_coverage"]} == EXPECTED_REALWORLD


def test_realworld_facts_for_the_other_items(realworld: tuple[dict, list]) -> None:
    section, _ = realworld
    assert section["grafana"]["by_class"]["security"] == []
    assert {d["placement"] for d in section["grafana"]["dashboards"].values()} == {
        "file",
        "sidecar-configmap",
    }
    assert {(r["system"], r["days"]) for r in section["logging"]["retention"]} == {
        ("loki", 31.0),
        ("cloudwatch", 365.0),
    }
    assert [a["name"] for a in section["logging"]["log_alerts"]] == ["StorefrontPaymentProviderTimeouts"]
    assert section["tracing"]["pipelines"][0]["exporters"] == ["otlp"]
    assert {s["kind"] for s in section["prometheus"]["scrape_sources"].values()} == {
        "ServiceMonitor",
        "Probe",
    }
    assert section["alertmanager"]["configs"][0]["inhibit_rules"] == [
        {
            "source": ['severity = "critical"'],
            "target": ['severity =~ "warning|info"'],
            "equal": ["namespace", "alertname"],
        }
    ]
    pagerduty = section["alertmanager"]["integrations"]["pagerduty"][0]
    assert (pagerduty["credential"], pagerduty["critical_alerts"]) == ("file", 5)


def test_alertmanager_config_in_a_secret_is_not_read(tmp_path: Path, collect_folder) -> None:
    (tmp_path / "secret.yaml").write_text(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: alertmanager-main\nstringData:\n"
        "  alertmanager.yaml: |\n    route: {receiver: pd}\n    receivers:\n"
        "      - name: pd\n        pagerduty_configs: [{routing_key: gonogo-canary-secret-key}]\n"
    )
    section, warnings = collect_folder(tmp_path)
    assert section["alertmanager"]["configs"] == []
    assert section["alertmanager"]["unread_secrets"] == ["secret.yaml:1"]
    assert "canary" not in json.dumps(section) + json.dumps(warnings)


def test_empty_folder_gives_present_but_empty_sections(tmp_path: Path, collect_folder) -> None:
    section, warnings = collect_folder(tmp_path)
    assert warnings == []
    assert section["alerts"] == {}
    assert section["prometheus"]["alerting_rules"] == 0
    assert section["logging"]["retention"] == []


def test_helm_templates_are_skipped_with_a_warning(tmp_path: Path, collect_folder, fixtures_dir) -> None:
    chart = tmp_path / "chart" / "templates"
    chart.mkdir(parents=True)
    shutil.copy(fixtures_dir / "covered" / "manifests" / "prometheusrule-shop.yaml", chart / "rules.yaml")
    (chart / "rules.yaml").write_text((chart / "rules.yaml").read_text() + "{{- if .Values.x }}\n")
    _, warnings = collect_folder(tmp_path)
    assert warnings == [
        "chart/templates/rules.yaml: Helm template, not YAML; skipped (render it with --helm)"
    ]


def test_kube_prometheus_stack_values_rules_and_scrape_configs(tmp_path: Path, collect_folder) -> None:
    (tmp_path / "values.yaml").write_text(
        "prometheus:\n  prometheusSpec:\n    additionalScrapeConfigs:\n"
        "      - job_name: orders-api\n        static_configs: [{targets: ['orders:8080']}]\n"
        "additionalPrometheusRulesMap:\n  orders:\n    groups:\n      - name: orders\n        rules:\n"
        "          - alert: OrdersErrorRatio\n"
        '            expr: sum(rate(http_requests_total{job="orders-api", code=~"5.."}[5m]))'
        ' / sum(rate(http_requests_total{job="orders-api"}[5m])) > 0.01\n'
        "            labels: {severity: critical}\n"
    )
    section, warnings = collect_folder(tmp_path)
    assert warnings == []
    assert section["prometheus"]["scrape_sources"]["job/orders-api"]["category"] == "app"
    alert = section["alerts"]["OrdersErrorRatio"]
    assert alert["origin"] == "Helm values additionalPrometheusRulesMap.orders"
    assert alert["provenance"]["ref"] == "values.yaml:11"
    assert alert["classes"]["error_rate"]["threshold"] == 0.01
    assert alert["routed"] is None


def test_logql_rules_are_log_alerts_and_alerts_read_as_logql(tmp_path: Path, collect_folder) -> None:
    (tmp_path / "loki-rules.yaml").write_text(
        "groups:\n  - name: logs\n    rules:\n"
        "      - alert: ValidPromQLButALogStream\n"
        '        expr: sum(rate({app="api"}[5m])) > 10\n'
        "      - alert: WithPipeline\n"
        '        expr: sum(count_over_time({app="api"} |= "panic" [5m])) > 0\n'
        "      - alert: PromQLWithName\n"
        '        expr: sum(rate({__name__="http_requests_total"}[5m])) > 10\n'
    )
    section, warnings = collect_folder(tmp_path)
    assert warnings == []
    assert [a["name"] for a in section["logging"]["log_alerts"]] == [
        "ValidPromQLButALogStream",
        "WithPipeline",
    ]
    alerts = section["alerts"]
    assert {name: a["language"] for name, a in alerts.items()} == {
        "ValidPromQLButALogStream": "logql",
        "WithPipeline": "logql",
        "PromQLWithName": "promql",
    }
    assert alerts["WithPipeline"]["parsed"] is True
    assert alerts["WithPipeline"]["analysis"]["metrics"] == ["log_lines_panic"]
    assert "log_lines_panic" not in str(section["prometheus"]["metrics_evidence"])


def test_a_logql_alert_is_classified_by_what_its_pipeline_keeps(tmp_path: Path, collect_folder) -> None:
    """A Loki ruler alert on failed logins covers the auth-failures class; one whose log range
    cannot be read (an unterminated string) stays a log alert, unclassified, with no warning."""
    (tmp_path / "loki-rules.yaml").write_text(
        "groups:\n  - name: logs\n    rules:\n"
        "      - alert: LoginFailures\n"
        '        expr: sum(rate({ns="shop"} | json | event="login_failed" [5m])) by (pod) > 5\n'
        "      - alert: Panics\n"
        '        expr: sum(count_over_time({ns="shop"} |= "panic" [5m])) > 0\n'
        "      - alert: Broken\n"
        '        expr: sum(count_over_time({ns="shop"} |= "unterminated [5m])) > 0\n'
    )
    section, warnings = collect_folder(tmp_path)
    assert warnings == []
    alerts = section["alerts"]
    assert list(alerts["LoginFailures"]["classes"]) == ["auth_failures"]
    assert alerts["LoginFailures"]["classes"]["auth_failures"]["threshold_text"] == "> 5"
    assert alerts["Panics"]["classes"] == {}
    assert "Broken" not in alerts
    assert [a["name"] for a in section["logging"]["log_alerts"]] == ["LoginFailures", "Panics", "Broken"]
    covering = [a["alert"] for a in section["alert_coverage"]["auth_failures"]["alerts"]]
    assert covering == ["LoginFailures"]
