"""The prometheus collector and items 10.3.2 and 3.1.1 against a REAL Prometheus on 127.0.0.1
(built from tools/prometheus), scraping a Python exporter; the real OPA decides."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.base import CollectContext
from gonogo.collectors.prometheus import PrometheusCollector

from gonogo.api import check
from gonogo.schema_validation import schema_errors
from tests.collectors.prometheus.conftest import BACKFILL_HOURS
from tests.collectors.prometheus.live_prometheus import LivePrometheus
from tests.support.cli import item, item_criterion

pytestmark = [pytest.mark.slow, pytest.mark.opa]
MONITORING = "Active monitoring for 24-48 hours"


def collect(url: str, **options: Any) -> tuple[dict[str, Any], list[str]]:
    ctx = CollectContext(
        root=Path("."),
        files=[],
        config={},
        now=datetime.now(UTC),
        options={"prometheus_url": url, **options},
        collector="prometheus",
    )
    return PrometheusCollector().collect(ctx)["monitoring"]["live"], ctx.warnings


def gonogo_check(tmp_path: Path, url: str, thresholds: dict[str, float] | None = None) -> dict[str, Any]:
    root = tmp_path / "repo"
    root.mkdir(exist_ok=True)
    config = None
    if thresholds:
        config = tmp_path / "gonogo.yaml"
        config.write_text(json.dumps({"thresholds": thresholds}))
    return check(root, config, options={"prometheus_url": url})


def test_facts_of_a_real_prometheus(backfilled: LivePrometheus) -> None:
    live, warnings = collect(backfilled.url)
    assert (
        schema_errors("collectors/prometheus/schema.json#/properties/monitoring/properties/live", live) == []
    )
    assert warnings == []
    assert (live["source"], live["server"], live["version"]) == ("api", backfilled.url, "3.16.0")
    assert live["collected"] == dict.fromkeys(live["collected"], True)
    shop = live["targets"]["shop"]
    assert (shop["targets"], shop["up"], shop["down"], shop["error_classes"]) == (1, 1, 0, [])
    assert {"http_requests_total", "node_cpu_seconds_total", "shop_orders_total", "up"} <= set(
        shop["metric_names"]
    )
    # 30 h backfilled by promtool, continued by the live scrapes: one run without a gap
    assert BACKFILL_HOURS - 0.2 <= shop["continuous_up_hours"] <= BACKFILL_HOURS + 0.1
    assert shop["seconds_since_scrape"] < 10 and shop["scrape_interval_seconds"] == 1
    group = live["rule_groups"]["shop"]
    assert (group["rules"], group["alerting_rules"], group["unhealthy_rules"]) == (3, 2, 0)
    assert group["interval_seconds"] == 1 and group["seconds_since_evaluation"] < 10
    assert live["alerting_rules"] == 2
    assert live["firing_alerts"]["AlwaysFiring"] == {
        "name": "AlwaysFiring",
        "firing": 1,
        "pending": 0,
        "severities": ["info"],
    }
    assert 0 < live["uptime_hours"] < 0.5
    assert live["provenance"]["ref"] == f"prometheus {backfilled.url}"


def test_a_fresh_server_fails_the_day_of_monitoring_but_shows_scraping_works(
    backfilled: LivePrometheus, tmp_path: Path
) -> None:
    report = gonogo_check(tmp_path, backfilled.url)
    monitoring = item_criterion(item(report, "10.3.2"), MONITORING)
    assert monitoring["verdict"] == "fail"
    assert "running for 0.0" in monitoring["message"] and "h < 24 h" in monitoring["message"]
    scraping = item(report, "3.1.1")
    assert scraping["verdict"] == "pass", scraping
    api = item_criterion(scraping, "API metrics collected")
    assert (
        api["message"]
        == f"live Prometheus prometheus {backfilled.url} scrapes http_requests_total from job(s) shop"
    )
    assert api["evidence"] == [f"prometheus {backfilled.url}"]


def test_monitoring_passes_once_the_threshold_is_met(backfilled: LivePrometheus, tmp_path: Path) -> None:
    report = gonogo_check(tmp_path, backfilled.url, {"post_deploy.monitoring_min_hours": 0.0005})
    monitoring = item_criterion(item(report, "10.3.2"), MONITORING)
    assert monitoring["verdict"] == "pass", monitoring
    hours = re.search(
        r"1 target\(s\) in 1 job\(s\) up without a gap for >= ([\d.]+) h", monitoring["message"]
    )
    assert hours and float(hours.group(1)) >= BACKFILL_HOURS - 0.2
    assert "2 alerting rule(s) evaluated" in monitoring["message"]


def test_less_history_than_the_threshold_fails(backfilled: LivePrometheus, tmp_path: Path) -> None:
    report = gonogo_check(tmp_path, backfilled.url, {"post_deploy.monitoring_min_hours": 31})
    monitoring = item_criterion(item(report, "10.3.2"), MONITORING)
    assert monitoring["verdict"] == "fail"
    assert "monitored for less than 31 h: shop up without a gap for " in monitoring["message"]


def test_a_target_that_is_down_fails(with_dead_target: LivePrometheus, tmp_path: Path) -> None:
    live, _ = collect(with_dead_target.url)
    worker = live["targets"]["worker"]
    assert (worker["up"], worker["down"], worker["error_classes"]) == (0, 1, ["connection refused"])
    assert worker["continuous_up_hours"] == 0
    report = gonogo_check(tmp_path, with_dead_target.url)
    monitoring = item_criterion(item(report, "10.3.2"), MONITORING)
    assert monitoring["verdict"] == "fail"
    assert monitoring["message"].startswith(
        "1 of 2 Prometheus target(s) down: worker (1 of 1 down: 127.0.0.1:"
    )


def test_an_unreachable_server_is_an_error_never_a_pass(tmp_path: Path) -> None:
    from tests.collectors.prometheus.live_prometheus import free_port

    report = gonogo_check(tmp_path, f"http://127.0.0.1:{free_port()}")
    assert item(report, "10.3.2")["verdict"] == "error"
    assert item(report, "3.1.1")["verdict"] == "error"
