"""Alertmanager route-tree semantics: first match wins unless `continue`, children before parent."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from gonogo.collectors.monitoring.alertmanager import AlertmanagerFacts, parse_matchers
from gonogo.collectors.monitoring.yaml_lines import Document, load_yaml_text
from gonogo.collectors.sources.files import SourceFile

CONFIG = """
global:
  slack_api_url: https://hooks.slack.com/services/T0/B0/gonogo-canary-route-test
route:
  receiver: default
  routes:
    - matchers: ['severity="critical"']
      receiver: pager
      continue: true
    - match_re:
        team: "pay.*"
      receiver: team-pay
      routes:
        - matchers: ['{severity="critical", service=~"card|wallet"}']
          receiver: pay-critical
    - matchers: ['team!="pay"', 'severity=~"warning|critical"']
      receiver: chat
receivers:
  - name: default
  - name: pager
    pagerduty_configs: [{service_key_file: /secrets/pd}]
  - name: team-pay
    slack_configs: [{channel: "#pay"}]
  - name: pay-critical
    opsgenie_configs: [{api_key: gonogo-canary-route-test-og}]
  - name: chat
    webhook_configs: [{url: "https://chat.example/hook?token=gonogo-canary-route-test-hook"}]
"""


@pytest.fixture
def facts(tmp_path: Path) -> AlertmanagerFacts:
    path = tmp_path / "alertmanager.yml"
    path.write_text(CONFIG)
    values, problem = load_yaml_text(CONFIG, "alertmanager.yml")
    assert problem is None
    am = AlertmanagerFacts(
        lambda doc, line: {
            "collector": "monitoring",
            "file": "alertmanager.yml",
            "ref": f"alertmanager.yml:{line}",
        },
        [],
    )
    am.consume(Document(SourceFile(path, "alertmanager.yml"), 1, values[0]))
    return am


def route(am: AlertmanagerFacts, **labels: str) -> list[str]:
    alerts = {"A": {"name": "A", "labels": labels, "critical": labels.get("severity") == "critical"}}
    am.route_alerts(alerts)
    return [r["name"] for r in alerts["A"]["receivers"]]


def test_continue_lets_an_alert_reach_several_receivers(facts: AlertmanagerFacts) -> None:
    assert route(facts, severity="critical", team="pay", service="card") == ["pager", "pay-critical"]


def test_first_matching_sibling_stops_the_search(facts: AlertmanagerFacts) -> None:
    assert route(facts, severity="warning", team="payments") == ["team-pay"]


def test_no_child_match_falls_back_to_the_parent(facts: AlertmanagerFacts) -> None:
    assert route(facts, severity="critical", team="pay", service="ledger") == ["pager", "team-pay"]
    assert route(facts, severity="info") == ["default"]


def test_regex_matchers_are_anchored(facts: AlertmanagerFacts) -> None:
    assert route(facts, severity="warning", team="xpay") == ["chat"]


def test_unrouted_alert_has_no_integration(facts: AlertmanagerFacts) -> None:
    alerts = {"A": {"name": "A", "labels": {"severity": "info"}, "critical": False}}
    facts.route_alerts(alerts)
    assert alerts["A"]["routed"] is False
    assert alerts["A"]["integrations"] == []


def test_integrations_record_where_credentials_are_never_their_value(facts: AlertmanagerFacts) -> None:
    facts.route_alerts({})
    summary = facts.facts({})
    assert summary["integrations"]["pagerduty"][0]["credential"] == "file"
    assert summary["integrations"]["opsgenie"][0]["credential"] == "inline"
    assert summary["integrations"]["slack"][0]["credential"] == "global"
    assert summary["integrations"]["webhook"][0]["configured"] is True
    assert "gonogo-canary" not in yaml.safe_dump(summary)


def test_matcher_syntax() -> None:
    assert parse_matchers('{severity="critical", team=~"a|b"}') == [
        ("severity", "=", "critical"),
        ("team", "=~", "a|b"),
    ]
    assert parse_matchers("alertname = Watchdog") == [("alertname", "=", "Watchdog")]
    assert parse_matchers('msg="a, b"') == [("msg", "=", "a, b")]
    with pytest.raises(ValueError):
        parse_matchers("not a matcher")


def test_labels_pinned_by_the_expression_take_part_in_routing(tmp_path: Path, collect_folder) -> None:
    (tmp_path / "am.yaml").write_text(
        "route:\n  receiver: default\n  routes:\n"
        "    - matchers: ['namespace=\"payments\"']\n      receiver: payments-pager\n"
        "receivers:\n  - name: default\n"
        "  - name: payments-pager\n    pagerduty_configs: [{routing_key_file: /secrets/pd}]\n"
    )
    (tmp_path / "rules.yaml").write_text(
        "groups:\n  - name: p\n    rules:\n"
        "      - alert: PaymentsKept\n"
        '        expr: sum by (namespace) (rate(http_requests_total{namespace="payments"}[5m])) > 1\n'
        "      - alert: PaymentsAggregatedAway\n"
        '        expr: sum(rate(http_requests_total{namespace="payments"}[5m])) > 1\n'
        "      - alert: RuleLabelWins\n"
        '        expr: sum by (namespace) (rate(http_requests_total{namespace="payments"}[5m])) > 1\n'
        "        labels: {namespace: other}\n"
    )
    section, _ = collect_folder(tmp_path)
    alerts = section["alerts"]
    assert alerts["PaymentsKept"]["expr_labels"] == {"namespace": "payments"}
    assert [r["name"] for r in alerts["PaymentsKept"]["receivers"]] == ["payments-pager"]
    assert [r["name"] for r in alerts["PaymentsAggregatedAway"]["receivers"]] == ["default"]
    assert [r["name"] for r in alerts["RuleLabelWins"]["receivers"]] == ["default"]


def test_alertmanager_config_objects_only_take_alerts_of_their_namespace(
    tmp_path: Path, collect_folder
) -> None:
    (tmp_path / "amc.yaml").write_text(
        "apiVersion: monitoring.coreos.com/v1alpha1\nkind: AlertmanagerConfig\n"
        "metadata: {name: payments, namespace: payments}\n"
        "spec:\n  route:\n    receiver: pager\n"
        "    matchers: [{name: severity, value: critical, matchType: '='}]\n"
        "  receivers:\n    - name: pager\n      pagerdutyConfigs:\n"
        "        - routingKey: {name: pd-secret, key: routing-key}\n"
    )
    (tmp_path / "rules.yaml").write_text(
        "groups:\n  - name: p\n    rules:\n"
        "      - alert: PaymentsDown\n"
        '        expr: absent(up{namespace="payments", job="payments-api"})\n'
        "        labels: {severity: critical}\n"
        "      - alert: ShopDown\n"
        '        expr: absent(up{namespace="shop", job="shop-api"})\n'
        "        labels: {severity: critical}\n"
    )
    section, _ = collect_folder(tmp_path)
    assert section["alerts"]["PaymentsDown"]["integrations"] == ["pagerduty"]
    assert section["alerts"]["ShopDown"]["receivers"] == []
    assert section["alerts"]["ShopDown"]["routed"] is False
    assert section["alertmanager"]["integrations"]["pagerduty"][0]["credential"] == "secret"
